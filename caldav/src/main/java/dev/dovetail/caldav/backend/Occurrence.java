package dev.dovetail.caldav.backend;

import java.time.Instant;

/** One instance of an event, in UTC; {@code end} equals {@code start} for an instant event. */
public record Occurrence(Instant start, Instant end) {

  /** RFC 4791 9.9: an instance overlaps [from, to) if it starts before {@code to} and ends after {@code from}. */
  public boolean overlaps(Instant from, Instant to) {
    if (end.equals(start)) {
      return !start.isBefore(from) && start.isBefore(to);
    }
    return start.isBefore(to) && end.isAfter(from);
  }
}
