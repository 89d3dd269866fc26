package dev.dovetail.payment.domain;

/**
 * What a declined or failed card payment does to the held booking: RELEASE frees the time at once and cancels the
 * intent (the default, issue 6); RETRY_UNTIL_HOLD_EXPIRES keeps the hold and the intent open for another card until the
 * hold runs out.
 */
public enum PaymentFailurePolicy {
  RELEASE,
  RETRY_UNTIL_HOLD_EXPIRES
}
