package dev.dovetail.payment.port.in;

import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentSettings;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A provider's view of payments: settings per booking type, the payment of a booking, capture, no-show. */
public interface ProviderPayments {

  /**
   * Whether this hub takes card payments (Stripe configured). Without them no booking type may take payment online:
   * it could not be booked (docs/payments.md).
   */
  boolean takesCardPayments();

  Future<PaymentSettings> settings(String providerId, String bookingTypeId);

  Future<PaymentSettings> saveSettings(String providerId, PaymentSettings settings);

  Future<Optional<Payment>> payment(String providerId, String bookingId);

  /** The payments of these bookings, by booking id (bookings without a payment are absent). */
  Future<Map<String, Payment>> payments(String providerId, List<String> bookingIds);

  /** Takes the authorized amount of a booking paid with manual capture. */
  Future<Payment> capture(String providerId, String bookingId);

  /** The customer did not come: the cancellation policy decides, as if cancelled at the start. */
  Future<Payment> markNoShow(String providerId, String bookingId);

  /**
   * Refunds a captured payment, apart from any cancellation, until {@code refundedMinor} of it is refunded in all
   * ({@code null}: all of it). Repeating the same call refunds nothing more; a total below what is already refunded is
   * a ConflictException (a refund cannot be taken back), one above what was captured an InvalidRequestException.
   */
  Future<Payment> refund(String providerId, String bookingId, Long refundedMinor);
}
