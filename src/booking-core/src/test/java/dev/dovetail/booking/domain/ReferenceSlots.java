package dev.dovetail.booking.domain;

import static dev.dovetail.booking.domain.Fixtures.isoWeek;
import static dev.dovetail.booking.domain.Fixtures.live;
import static dev.dovetail.booking.domain.Fixtures.localDate;
import static dev.dovetail.booking.domain.Fixtures.overlap;
import static dev.dovetail.booking.domain.Fixtures.wallContains;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive slot engine to compare {@link SlotEngine} with. It shares no code with it: it walks the real
 * timeline minute by minute, asks what a wall clock in the resource's zone shows at each minute, and so finds the
 * stretches of real time during which the clock shows an open window of that date (its "runs"); then it steps through
 * each run every slot interval and checks every candidate against every block and every booking: O(n·m).
 *
 * <p>Exact as long as every boundary is a whole minute: window times are whole minutes by construction, and every UTC
 * offset the resource zones have had since 1970 is a whole number of minutes.
 */
final class ReferenceSlots {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private ReferenceSlots() {}

  /** A stretch of real time during which the wall clock shows window {@code index} of {@code date}. */
  private record Run(LocalDate date, int index, Instant start, Instant end) {}

  static List<Slot> freeSlots(
      Resource resource, BookingType type, Duration duration, Schedule schedule, Instant now, TimeRange window) {
    if (!resource.bookable()) {
      return List.of();
    }
    ZoneId zone = resource.zone();
    Instant earliest = later(window.start(), now.plus(type.minimumNotice()));
    Instant latest = now.plus(type.horizon());
    List<Block> live = schedule.blocks().stream().filter(b -> live(b, now)).toList();
    List<Slot> slots = new ArrayList<>();
    for (Run run : runs(resource, window.start().minus(Duration.ofDays(2)), window.end().plus(Duration.ofDays(2)))) {
      for (Instant start = run.start(); !start.plus(duration).isAfter(run.end());
          start = start.plus(type.slotInterval())) {
        if (start.isBefore(earliest) || start.isAfter(latest) || !start.isBefore(window.end())) {
          continue;
        }
        TimeRange span = new TimeRange(start.minus(type.bufferBefore()), start.plus(duration).plus(type.bufferAfter()));
        if (live.stream().anyMatch(b -> overlap(b.span(), span))) {
          continue;
        }
        LocalDate date = run.date();
        if (type.maxPerDay() > 0 && countOwnBookings(live, type, zone, d -> d.equals(date)) >= type.maxPerDay()) {
          continue;
        }
        if (type.maxPerWeek() > 0
            && countOwnBookings(live, type, zone, d -> isoWeek(d) == isoWeek(date)) >= type.maxPerWeek()) {
          continue;
        }
        slots.add(new Slot(start, start.plus(duration)));
      }
    }
    slots.sort(Comparator.comparing(Slot::start));
    return slots;
  }

  /** The runs between two instants, found minute by minute. */
  private static List<Run> runs(Resource resource, Instant scanFrom, Instant scanTo) {
    ZoneId zone = resource.zone();
    Map<LocalDate, List<WallClockWindow>> windowsByDate = new HashMap<>();
    List<Run> runs = new ArrayList<>();
    Run current = null;
    for (Instant t = scanFrom.truncatedTo(ChronoUnit.MINUTES); t.isBefore(scanTo); t = t.plus(MINUTE)) {
      LocalDateTime wall = LocalDateTime.ofInstant(t, zone);
      LocalDate date = wall.toLocalDate();
      int minute = wall.getHour() * 60 + wall.getMinute();
      List<WallClockWindow> windows =
          windowsByDate.computeIfAbsent(date, d -> resource.availability().openWindowsOn(d));
      int index = -1;
      for (int i = 0; i < windows.size(); i++) {
        if (wallContains(windows.get(i), minute)) {
          index = i;
        }
      }
      if (index < 0) {
        current = null;
      } else if (current != null && current.date().equals(date) && current.index() == index
          && current.end().equals(t)) {
        current = new Run(date, index, current.start(), t.plus(MINUTE));
        runs.set(runs.size() - 1, current);
      } else {
        current = new Run(date, index, t, t.plus(MINUTE));
        runs.add(current);
      }
    }
    return runs;
  }

  private static long countOwnBookings(
      List<Block> live, BookingType type, ZoneId zone, java.util.function.Predicate<LocalDate> onDay) {
    return live.stream()
        .filter(b -> b.kind() == Block.Kind.BOOKING && type.id().equals(b.bookingTypeId()))
        .filter(b -> onDay.test(localDate(b.booked().start(), zone)))
        .count();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
