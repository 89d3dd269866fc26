package dev.dovetail.web.payment;

import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.domain.PaymentsUnavailableException;
import dev.dovetail.payment.port.in.CustomerPayments;
import dev.dovetail.payment.port.in.ProviderPayments;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** For an API built without payments (tests of other parts): no booking has a payment; paying answers 503. */
public final class NoPayments implements CustomerPayments, ProviderPayments {

  private static <T> Future<T> off() {
    return Future.failedFuture(new PaymentsUnavailableException("this hub takes no card payments"));
  }

  @Override
  public Future<Checkout> start(String manageToken) {
    return off();
  }

  @Override
  public Future<Optional<Payment>> find(String manageToken) {
    return Future.succeededFuture(Optional.empty());
  }

  @Override
  public Future<Optional<Payment>> refresh(String manageToken) {
    return Future.succeededFuture(Optional.empty());
  }

  @Override
  public Future<RefundQuote> quote(String manageToken) {
    return off();
  }

  @Override
  public boolean takesCardPayments() {
    return false;
  }

  @Override
  public Future<PaymentSettings> settings(String providerId, String bookingTypeId) {
    return off();
  }

  @Override
  public Future<PaymentSettings> saveSettings(String providerId, PaymentSettings settings) {
    return off();
  }

  @Override
  public Future<Optional<Payment>> payment(String providerId, String bookingId) {
    return Future.succeededFuture(Optional.empty());
  }

  @Override
  public Future<Map<String, Payment>> payments(String providerId, List<String> bookingIds) {
    return Future.succeededFuture(Map.of());
  }

  @Override
  public Future<Payment> capture(String providerId, String bookingId) {
    return off();
  }

  @Override
  public Future<Payment> markNoShow(String providerId, String bookingId) {
    return off();
  }

  @Override
  public Future<Payment> refund(String providerId, String bookingId, Long refundedMinor) {
    return off();
  }
}
