package dev.dovetail.payment.domain;

/**
 * Work a payment still owes the payment service, recorded before it is carried out and retried until done. VOID: give
 * everything back (an expired hold, a payment that came too late). REFUND: refund {@code owedMinor} (a cancellation
 * or no-show under the policy; for an authorized card, capture the rest and release the refund). CAPTURE: take the
 * authorized amount.
 */
public enum Owed {
  NOTHING,
  VOID,
  REFUND,
  CAPTURE
}
