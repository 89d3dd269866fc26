package dev.dovetail.web.payment;

import dev.dovetail.web.Services;
import dev.dovetail.web.http.OperationHandlers;

/** The payment operations: the customer's (pay, see the payment) and the provider's (settings, capture, refund). */
public final class PaymentApi {

  private PaymentApi() {}

  public static void register(OperationHandlers operations, Services.Payments payments) {
    PaymentHandler customer = new PaymentHandler(payments.customer());
    ProviderPaymentHandler provider = new ProviderPaymentHandler(payments.provider());
    operations
        .on("startPayment", customer::start)
        .on("getManagedPayment", customer::get)
        .on("getPaymentSettings", provider::settings)
        .on("updatePaymentSettings", provider::updateSettings)
        .on("getBookingPayment", provider::get)
        .on("captureBookingPayment", provider::capture)
        .on("markNoShow", provider::noShow)
        .on("refundBookingPayment", provider::refund);
  }
}
