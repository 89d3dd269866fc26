package dev.dovetail.payment.domain;

/**
 * Where a booking's payment is. AWAITING: the customer has not paid yet (an intent may exist). AUTHORIZED: the card is
 * authorized and waits for capture (manual capture). PAID: money was taken ({@code captured}; part or all of it may
 * have been refunded since). CANCELED: nothing was taken and nothing will be. PAID and CANCELED are final.
 */
public enum PaymentState {
  AWAITING,
  AUTHORIZED,
  PAID,
  CANCELED;

  public boolean isFinal() {
    return this == PAID || this == CANCELED;
  }
}
