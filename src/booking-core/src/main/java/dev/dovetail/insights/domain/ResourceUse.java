package dev.dovetail.insights.domain;

/**
 * Utilisation of one resource: {@code openSeconds} of open time in the range (opening hours, breaks, overrides and
 * holidays of the resource's zone), {@code bookedSeconds} of it covered by confirmed bookings. Booked time outside
 * the open time is not counted, so {@code bookedSeconds <= openSeconds}.
 */
public record ResourceUse(String resourceId, String name, long bookedSeconds, long openSeconds) {

  public ResourceUse {
    if (bookedSeconds < 0 || bookedSeconds > openSeconds) {
      throw new IllegalArgumentException("need 0 <= booked (" + bookedSeconds + ") <= open (" + openSeconds + ")");
    }
  }

  /** booked ÷ open, 0 when the resource was never open. */
  public double ratio() {
    return openSeconds == 0 ? 0 : (double) bookedSeconds / openSeconds;
  }
}
