package dev.dovetail.payment.port.in;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.payment.domain.Payment;
import io.vertx.core.Future;
import java.util.Optional;

/** What a customer does with the payment of their booking, through its manage token. */
public interface CustomerPayments {

  /** What the browser needs to confirm the payment with Stripe.js (loaded from {@code scriptUrl}). */
  record Checkout(Payment payment, String clientSecret, String publishableKey, String scriptUrl) {}

  /** What cancelling now would refund: {@code refund} of {@code paid} ({@code percent} under the policy). */
  record RefundQuote(Money paid, Money refund, int percent) {}

  /**
   * Starts (or resumes) paying for a held booking: creates its payment intent once (idempotently) and returns the
   * client secret. Fails with a ConflictException when the booking is not a live hold.
   */
  Future<Checkout> start(String manageToken);

  Future<Optional<Payment>> find(String manageToken);

  /**
   * Re-reads the payment's intent at the payment service and acts on it as its webhook would (the browser calls this
   * once Stripe.js reports the payment, so a late webhook does not keep the customer waiting).
   */
  Future<Optional<Payment>> refresh(String manageToken);

  /** The refund a cancellation by the customer at this moment would bring. */
  Future<RefundQuote> quote(String manageToken);
}
