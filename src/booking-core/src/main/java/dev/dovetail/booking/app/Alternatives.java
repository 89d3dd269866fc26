package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Slot;
import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The free slots nearest to a refused time, offered with a 409 so the customer can pick again in one tap. */
final class Alternatives {

  static final int COUNT = 5;
  private static final Duration LOOK_BACK = Duration.ofDays(2);
  private static final Duration LOOK_AHEAD = Duration.ofDays(14);

  private Alternatives() {}

  /** Where alternatives are looked for: from two days before to two weeks after the wanted time. */
  static TimeRange around(Instant wanted) {
    return new TimeRange(wanted.minus(LOOK_BACK), wanted.plus(LOOK_AHEAD));
  }

  /** The {@link #COUNT} slots of {@code free} nearest to {@code wanted}, in start order. */
  static List<Slot> nearest(List<Slot> free, Instant wanted) {
    return free.stream()
        .sorted(Comparator.comparing((Slot s) -> distance(s.start(), wanted)))
        .limit(COUNT)
        .sorted(Comparator.comparing(Slot::start))
        .toList();
  }

  /**
   * How far apart two instants are. Not {@code Duration.abs()}: it negates through {@code BigDecimal}, and this runs in
   * every comparison of the sort above, which made it a few percent of a refused booking's CPU.
   */
  private static Duration distance(Instant a, Instant b) {
    return a.isBefore(b) ? Duration.between(a, b) : Duration.between(b, a);
  }
}
