package dev.dovetail.booking.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What one customer may ask of a booking type's public booking, tuned by its provider (ADR 35): a weekly series at
 * most {@code maxWeeklyOccurrences} long, and within any {@code holdWindow} at most {@code holdsPerEmail} holds for one
 * customer e-mail and {@code holdsPerAddress} for one client address ({@code 0} = no limit). A hold blocks the slot for
 * everyone else until it expires, so holds are what a hostile client would pile up.
 */
public record BookingLimits(int maxWeeklyOccurrences, int holdsPerEmail, int holdsPerAddress, Duration holdWindow) {

  /** The longest series any type may allow: a year of weeks. */
  public static final int MAX_WEEKLY_OCCURRENCES = 52;
  public static final int MAX_HOLDS = 1000;
  public static final Duration MAX_WINDOW = Duration.ofDays(7);

  /** A quarter of weekly sessions, 5 holds per e-mail and 20 per address in an hour. */
  public static final BookingLimits DEFAULT = new BookingLimits(12, 5, 20, Duration.ofHours(1));

  public BookingLimits {
    if (maxWeeklyOccurrences < 1 || maxWeeklyOccurrences > MAX_WEEKLY_OCCURRENCES) {
      throw new IllegalArgumentException(
          "maxWeeklyOccurrences must be between 1 and " + MAX_WEEKLY_OCCURRENCES + ": " + maxWeeklyOccurrences);
    }
    requireCount(holdsPerEmail, "holdsPerEmail");
    requireCount(holdsPerAddress, "holdsPerAddress");
    Objects.requireNonNull(holdWindow, "holdWindow");
    if (holdWindow.compareTo(Duration.ofMinutes(1)) < 0 || holdWindow.compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("the hold window must be between 1 minute and " + MAX_WINDOW + ": "
          + holdWindow);
    }
  }

  private static void requireCount(int value, String what) {
    if (value < 0 || value > MAX_HOLDS) {
      throw new IllegalArgumentException(what + " must be between 0 (no limit) and " + MAX_HOLDS + ": " + value);
    }
  }
}
