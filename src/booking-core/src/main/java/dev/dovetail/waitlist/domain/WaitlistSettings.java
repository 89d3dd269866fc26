package dev.dovetail.waitlist.domain;

import java.time.Duration;
import java.util.Objects;

/** A booking type's waitlist: on (the default) or off, and its claim window. */
public record WaitlistSettings(String bookingTypeId, boolean enabled, Duration claimWindow) {

  public WaitlistSettings {
    Objects.requireNonNull(bookingTypeId, "bookingTypeId");
    Objects.requireNonNull(claimWindow, "claimWindow");
    if (claimWindow.compareTo(ClaimWindow.MINIMUM) < 0 || claimWindow.compareTo(ClaimWindow.MAXIMUM) > 0) {
      throw new IllegalArgumentException("the claim window must be between " + ClaimWindow.MINIMUM.toMinutes()
          + " minutes and " + ClaimWindow.MAXIMUM.toHours() + " hours: " + claimWindow);
    }
  }

  public static WaitlistSettings defaults(String bookingTypeId) {
    return new WaitlistSettings(bookingTypeId, true, ClaimWindow.DEFAULT);
  }
}
