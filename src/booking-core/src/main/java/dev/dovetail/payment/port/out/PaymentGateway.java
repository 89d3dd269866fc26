package dev.dovetail.payment.port.out;

import dev.dovetail.booking.domain.Money;
import io.vertx.core.Future;

/**
 * The card payment service (Stripe). Every call that changes something carries an idempotency key derived from the
 * booking and the work, so a retry after a lost answer or a crash repeats nothing.
 */
public interface PaymentGateway {

  /** An intent's status, as far as bookings care. */
  enum Status {
    REQUIRES_PAYMENT,
    PROCESSING,
    REQUIRES_CAPTURE,
    SUCCEEDED,
    CANCELED
  }

  /**
   * A payment intent: {@code received} is what was captured; {@code clientSecret} lets the browser confirm it;
   * {@code failed} says the last attempt to pay was declined or failed (Stripe's {@code last_payment_error}).
   */
  record Intent(String id, Status status, long amount, long received, String currency, String clientSecret,
      boolean failed) {}

  /** A verified webhook event: its id (for logs), its type and the intent it is about (null if none). */
  record Event(String id, String type, String intentId) {}

  Future<Intent> createIntent(String bookingId, Money amount, boolean manualCapture, String idempotencyKey);

  Future<Intent> retrieve(String intentId);

  Future<Intent> cancel(String intentId, String idempotencyKey);

  Future<Intent> capture(String intentId, long amountMinor, String idempotencyKey);

  Future<Void> refund(String intentId, long amountMinor, String idempotencyKey);

  /**
   * Verifies a webhook call on its raw body; throws InvalidSignatureException when the signature is missing, wrong or
   * too old.
   */
  Event verify(String rawBody, String signatureHeader);

  /** The key the browser uses to confirm a payment (Stripe.js). */
  String publishableKey();

  /** Where the browser loads the payment service's script from (Stripe.js). */
  String browserScript();
}
