package dev.dovetail.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open interval of UTC instants, {@code [start, end)}. Empty and inverted ranges are rejected. */
public record TimeRange(Instant start, Instant end) {

  public TimeRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("range must end after it starts: " + start + " .. " + end);
    }
  }

  public static TimeRange of(Instant start, Duration length) {
    return new TimeRange(start, start.plus(length));
  }

  /** True when the two half-open ranges share at least one instant; touching ends do not overlap. */
  public boolean overlaps(TimeRange other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  public boolean encloses(TimeRange other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  public TimeRange widen(Duration before, Duration after) {
    return new TimeRange(start.minus(before), end.plus(after));
  }

  public Duration length() {
    return Duration.between(start, end);
  }
}
