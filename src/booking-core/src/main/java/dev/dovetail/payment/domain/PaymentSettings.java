package dev.dovetail.payment.domain;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import java.time.Duration;
import java.util.Objects;

/**
 * A provider's payment settings for one booking type: the deposit (used when the type asks for a DEPOSIT) and whether
 * card payments are only authorized when booking and captured later (at the appointment, or on a no-show), and what a
 * failed payment does to the hold ({@link PaymentFailurePolicy}, RELEASE unless chosen otherwise).
 */
public record PaymentSettings(String bookingTypeId, String providerId, DepositRule deposit, boolean manualCapture,
    PaymentFailurePolicy onPaymentFailure) {

  /**
   * The longest horizon a manual-capture type may have: Stripe cancels a card authorization not captured within 7 days,
   * and capture happens at the appointment or, on a no-show, after it starts; the seventh day is left for that.
   */
  public static final Duration MANUAL_CAPTURE_MAX_HORIZON = Duration.ofDays(6);

  public PaymentSettings {
    Objects.requireNonNull(bookingTypeId, "bookingTypeId");
    Objects.requireNonNull(providerId, "providerId");
    onPaymentFailure = onPaymentFailure == null ? PaymentFailurePolicy.RELEASE : onPaymentFailure;
  }

  /** Settings with the default failure policy (RELEASE). */
  public PaymentSettings(String bookingTypeId, String providerId, DepositRule deposit, boolean manualCapture) {
    this(bookingTypeId, providerId, deposit, manualCapture, PaymentFailurePolicy.RELEASE);
  }

  /** Settings of a type nobody configured: a deposit type then needs a deposit rule before it can be booked. */
  public static PaymentSettings defaults(BookingType type) {
    return new PaymentSettings(type.id(), type.providerId(), null, false);
  }

  /** What a customer pays when booking {@code type}: nothing, the deposit, or the full price. */
  public Money amountDue(BookingType type) {
    if (type.payment() == PaymentRequirement.NONE) {
      return Money.zero(type.price().currency());
    }
    if (type.payment() == PaymentRequirement.FULL) {
      return type.price();
    }
    if (deposit == null) {
      throw new IllegalStateException("booking type " + type.id() + " asks for a deposit but has no deposit rule");
    }
    return deposit.of(type.price());
  }

  /**
   * Refuses settings under which {@code type} could not be paid through Stripe: the amount due (the full price, or the
   * deposit on the price) outside {@link ChargeLimits}, or manual capture for bookings that may start later than
   * {@link #MANUAL_CAPTURE_MAX_HORIZON} ahead. A type that takes no payment is not checked.
   *
   * @throws IllegalArgumentException naming the limit
   */
  public void requireChargeable(BookingType type) {
    if (type.payment() == PaymentRequirement.NONE) {
      return;
    }
    if (manualCapture && type.horizon().compareTo(MANUAL_CAPTURE_MAX_HORIZON) > 0) {
      throw new IllegalArgumentException("manual capture needs a booking horizon of at most "
          + MANUAL_CAPTURE_MAX_HORIZON.toDays() + " days (this type's: " + type.horizon().toDays() + " days): Stripe"
          + " cancels a card authorization that is not captured within 7 days");
    }
    if (type.payment() == PaymentRequirement.FULL) {
      ChargeLimits.requireChargeable("the price", type.price());
    } else if (deposit != null) {
      ChargeLimits.requireChargeable(deposit.kind() == DepositRule.Kind.PERCENT
          ? "the deposit (" + deposit.value() + " % of the price)" : "the deposit", deposit.of(type.price()));
    }
  }
}
