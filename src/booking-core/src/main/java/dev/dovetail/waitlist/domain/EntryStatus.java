package dev.dovetail.waitlist.domain;

/** Where a waitlist entry stands. Only WAITING entries are offered freed slots. */
public enum EntryStatus {
  /** On the list, no offer open. */
  WAITING,
  /** A slot is held for the customer until the offer's expiry. */
  OFFERED,
  /** The customer claimed an offer: a recovered booking. */
  BOOKED,
  /** The customer left the list through their link. */
  LEFT,
  /** The provider removed the entry. */
  REMOVED,
  /** The wished time passed without an offer being claimed. */
  EXPIRED;

  public boolean isOnList() {
    return this == WAITING || this == OFFERED;
  }
}
