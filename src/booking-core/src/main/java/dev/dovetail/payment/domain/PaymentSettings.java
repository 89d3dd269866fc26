package dev.dovetail.payment.domain;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import java.util.Objects;

/**
 * A provider's payment settings for one booking type: the deposit (used when the type asks for a DEPOSIT) and whether
 * card payments are only authorized when booking and captured later (at the appointment, or on a no-show), and what a
 * failed payment does to the hold ({@link PaymentFailurePolicy}, RELEASE unless chosen otherwise).
 */
public record PaymentSettings(String bookingTypeId, String providerId, DepositRule deposit, boolean manualCapture,
    PaymentFailurePolicy onPaymentFailure) {

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
}
