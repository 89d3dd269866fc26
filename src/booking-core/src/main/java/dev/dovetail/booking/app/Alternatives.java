package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotEngine;
import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.booking.port.in.PublicCatalog.Offer;
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

  static List<Slot> nearest(Offer offer, Duration duration, Schedule schedule, Instant now, Instant wanted) {
    TimeRange window = new TimeRange(wanted.minus(LOOK_BACK), wanted.plus(LOOK_AHEAD));
    return SlotEngine.freeSlots(offer.resource(), offer.type(), duration, schedule, now, window).stream()
        .sorted(Comparator.comparing((Slot s) -> Duration.between(s.start(), wanted).abs()))
        .limit(COUNT)
        .sorted(Comparator.comparing(Slot::start))
        .toList();
  }
}
