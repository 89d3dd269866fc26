package dev.dovetail.booking.domain;

/**
 * A booking's life: HELD (a temporary hold while the customer pays; expires by itself) becomes CONFIRMED, or EXPIRED
 * when its hold runs out; CONFIRMED (and HELD) become CANCELLED. Only HELD-and-unexpired and CONFIRMED bookings block.
 */
public enum BookingStatus {
  HELD,
  CONFIRMED,
  CANCELLED,
  EXPIRED;

  public boolean isActive() {
    return this == HELD || this == CONFIRMED;
  }
}
