package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;

/** A bookable time: UTC instants, shown to each viewer in their own zone. */
public record Slot(Instant start, Instant end) {

  public TimeRange range() {
    return new TimeRange(start, end);
  }
}
