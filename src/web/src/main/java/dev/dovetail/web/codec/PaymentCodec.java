package dev.dovetail.web.codec;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.payment.domain.DepositRule;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentFailurePolicy;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.port.in.CustomerPayments;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Payments, refund quotes and payment settings as JSON (see the Payment* schemas of openapi.yaml). */
public final class PaymentCodec {

  private PaymentCodec() {}

  public static JsonObject money(Money m) {
    return new JsonObject().put("amountMinor", m.minorUnits()).put("currency", m.currency());
  }

  public static JsonObject payment(Payment p) {
    return new JsonObject()
        .put("state", p.state().name())
        .put("amount", money(p.amount()))
        .put("captured", money(new Money(p.captured(), p.amount().currency())))
        .put("refunded", money(new Money(p.refunded(), p.amount().currency())))
        .put("manualCapture", p.manualCapture())
        .put("settling", p.owed().name().equals("NOTHING") ? null : p.owed().name())
        .put("noShow", p.noShow())
        .put("updatedAt", p.updatedAt().toString());
  }

  public static JsonObject envelope(Optional<Payment> p) {
    return new JsonObject().put("payment", p.map(PaymentCodec::payment).orElse(null));
  }

  public static JsonObject checkout(CustomerPayments.Checkout c) {
    return new JsonObject().put("payment", payment(c.payment())).put("clientSecret", c.clientSecret())
        .put("publishableKey", c.publishableKey()).put("scriptUrl", c.scriptUrl());
  }

  public static JsonObject quote(CustomerPayments.RefundQuote q) {
    return new JsonObject().put("paid", money(q.paid())).put("refund", money(q.refund()))
        .put("refundPercent", q.percent());
  }

  public static JsonObject settings(PaymentSettings s) {
    JsonObject json = new JsonObject().put("manualCapture", s.manualCapture())
        .put("onPaymentFailure", s.onPaymentFailure().name());
    if (s.deposit() != null) {
      json.put(s.deposit().kind() == DepositRule.Kind.PERCENT ? "depositPercent" : "depositAmountMinor",
          s.deposit().value());
    }
    return json;
  }

  /**
   * {@code {depositPercent | depositAmountMinor, manualCapture, onPaymentFailure}}; both deposit fields at once are
   * refused; {@code onPaymentFailure} is RELEASE (default) or RETRY_UNTIL_HOLD_EXPIRES.
   */
  public static PaymentSettings settings(String bookingTypeId, String providerId, JsonObject body) {
    Integer percent = body.getInteger("depositPercent");
    Long fixed = body.getLong("depositAmountMinor");
    if (percent != null && fixed != null) {
      throw new IllegalArgumentException("give depositPercent or depositAmountMinor, not both");
    }
    DepositRule deposit = percent != null ? DepositRule.percent(percent)
        : fixed != null ? DepositRule.fixed(fixed) : null;
    return new PaymentSettings(bookingTypeId, providerId, deposit, body.getBoolean("manualCapture", false),
        failurePolicy(body.getValue("onPaymentFailure")));
  }

  private static PaymentFailurePolicy failurePolicy(Object value) {
    if (value == null) {
      return PaymentFailurePolicy.RELEASE;
    }
    for (PaymentFailurePolicy p : PaymentFailurePolicy.values()) {
      if (p.name().equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("onPaymentFailure must be RELEASE or RETRY_UNTIL_HOLD_EXPIRES, not " + value);
  }
}
