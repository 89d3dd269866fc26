package dev.dovetail.booking.domain;

/** What a customer pays when booking: nothing, a deposit, or the full price up front. */
public enum PaymentRequirement {
  NONE,
  DEPOSIT,
  FULL
}
