package dev.dovetail.payment.domain;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.ConflictException;
import java.time.Instant;
import java.util.Objects;

/**
 * The payment of one booking (keyed by the booking id; the booking itself knows nothing of it). {@code amount} is
 * what the customer is asked for, {@code captured} what was taken, {@code refunded} what went back ({@code refunded
 * <= captured} always). {@code owed} is work recorded but not yet done at the payment service. {@code revision} counts
 * changes; the repository writes by compare-and-set on it.
 */
public record Payment(
    String bookingId,
    String providerId,
    Money amount,
    boolean manualCapture,
    String intentId,
    PaymentState state,
    long captured,
    long refunded,
    Owed owed,
    long owedMinor,
    boolean noShow,
    long revision,
    Instant createdAt,
    Instant updatedAt) {

  public Payment {
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(owed, "owed");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (amount.minorUnits() < 1) {
      throw new IllegalArgumentException("a payment is for at least 1 minor unit");
    }
    if (captured < 0 || captured > amount.minorUnits() || refunded < 0 || refunded > captured) {
      throw new IllegalArgumentException(
          "need 0 <= refunded (" + refunded + ") <= captured (" + captured + ") <= amount (" + amount + ")");
    }
    if (owedMinor < 0) {
      throw new IllegalArgumentException("owed amount must not be negative");
    }
  }

  /** A new payment awaiting the customer, without an intent yet. */
  public static Payment awaiting(String bookingId, String providerId, Money amount, boolean manualCapture, Instant now) {
    return new Payment(bookingId, providerId, amount, manualCapture, null, PaymentState.AWAITING, 0, 0, Owed.NOTHING, 0,
        false, 0, now, now);
  }

  public Payment withIntent(String id, Instant now) {
    if (intentId != null && !intentId.equals(id)) {
      throw new ConflictException("payment of " + bookingId + " already has intent " + intentId);
    }
    return next(id, state, captured, refunded, owed, owedMinor, noShow, now);
  }

  /** The card was authorized for the whole amount (manual capture). */
  public Payment authorized(Instant now) {
    if (state == PaymentState.AUTHORIZED || state.isFinal()) {
      return this;
    }
    return next(intentId, PaymentState.AUTHORIZED, 0, 0, owed, owedMinor, noShow, now);
  }

  /** {@code capturedMinor} was taken. Idempotent; a canceled payment cannot become paid. */
  public Payment paid(long capturedMinor, Instant now) {
    if (state == PaymentState.PAID) {
      return this;
    }
    if (state == PaymentState.CANCELED) {
      throw new ConflictException("payment of " + bookingId + " was canceled");
    }
    return next(intentId, PaymentState.PAID, capturedMinor, 0, owed, owedMinor, noShow, now);
  }

  /** Nothing was or will be taken. Idempotent; a paid payment cannot be canceled (refund it). */
  public Payment canceled(Instant now) {
    if (state == PaymentState.CANCELED) {
      return this;
    }
    if (state == PaymentState.PAID) {
      throw new ConflictException("payment of " + bookingId + " was taken; refund it instead");
    }
    return next(intentId, PaymentState.CANCELED, 0, 0, owed, owedMinor, noShow, now);
  }

  /** The payment service reports {@code totalRefunded} refunded so far (never goes down). */
  public Payment refundedTotal(long totalRefunded, Instant now) {
    long total = Math.max(refunded, Math.min(totalRefunded, captured));
    return total == refunded ? this : next(intentId, state, captured, total, owed, owedMinor, noShow, now);
  }

  /** Records work to do. VOID wins over every other; otherwise the first owed work stays until done. */
  public Payment owe(Owed work, long minor, Instant now) {
    if (owed == work && owedMinor == minor) {
      return this;
    }
    if (owed != Owed.NOTHING && work != Owed.VOID) {
      return this;
    }
    return next(intentId, state, captured, refunded, work, minor, noShow, now);
  }

  public Payment settled(Instant now) {
    return owed == Owed.NOTHING ? this : next(intentId, state, captured, refunded, Owed.NOTHING, 0, noShow, now);
  }

  public Payment markedNoShow(Instant now) {
    return noShow ? this : next(intentId, state, captured, refunded, owed, owedMinor, true, now);
  }

  /** This payment as the next revision of {@code previous} (several transitions still make one write). */
  public Payment asSuccessorOf(Payment previous) {
    return new Payment(bookingId, providerId, amount, manualCapture, intentId, state, captured, refunded, owed,
        owedMinor, noShow, previous.revision() + 1, createdAt, updatedAt);
  }

  /** What the customer has paid and not been given back (or, authorized, what would be taken). */
  public Money held() {
    long base = state == PaymentState.AUTHORIZED ? amount.minorUnits() : captured - refunded;
    return new Money(base, amount.currency());
  }

  private Payment next(String intent, PaymentState s, long cap, long ref, Owed o, long oMinor, boolean ns,
      Instant now) {
    return new Payment(bookingId, providerId, amount, manualCapture, intent, s, cap, ref, o, oMinor, ns, revision + 1,
        createdAt, now);
  }
}
