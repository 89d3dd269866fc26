package dev.dovetail.waitlist.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What a waiting customer would take: any slot on a day, a slot inside a time window on a day (wall-clock times in
 * the customer's zone), or one exact slot (by its start). Day and window wishes are matched on wall-clock time: a slot
 * matches when every instant of it reads, in the customer's zone, a time on that date between {@code from} and {@code
 * to}. Across a DST change this is what the customer meant: on a spring-forward day a window 01:00–04:00 is two hours
 * long; on a fall-back day the repeated hour is in the window twice.
 */
public record Wish(LocalDate date, LocalTime from, LocalTime to, Instant exactStart) {

  public Wish {
    if (exactStart != null) {
      if (date != null || from != null || to != null) {
        throw new IllegalArgumentException("an exact-slot wish has only its start");
      }
    } else {
      if (date == null) {
        throw new IllegalArgumentException("a wish needs a date or an exact start");
      }
      if ((from == null) != (to == null)) {
        throw new IllegalArgumentException("a time window needs both from and to");
      }
      if (from != null && !from.isBefore(to)) {
        throw new IllegalArgumentException("the window's from must be before its to: " + from + "–" + to);
      }
    }
  }

  public static Wish day(LocalDate date) {
    return new Wish(date, null, null, null);
  }

  public static Wish window(LocalDate date, LocalTime from, LocalTime to) {
    return new Wish(date, from, to, null);
  }

  public static Wish slot(Instant start) {
    return new Wish(null, null, null, start);
  }

  public boolean isExactSlot() {
    return exactStart != null;
  }

  public boolean isWindow() {
    return from != null;
  }

  /** Instants where matching slots may start (a superset, filtered by {@link #matches}). */
  public TimeRange searchRange(ZoneId zone) {
    if (exactStart != null) {
      return new TimeRange(exactStart, exactStart.plusNanos(1));
    }
    // Offsets differ by less than a day from any wall-clock reading: a day either side covers every DST shift.
    return new TimeRange(lower().minusDays(1).atZone(zone).toInstant(), upper().plusDays(1).atZone(zone).toInstant());
  }

  /** Whether the slot fulfils this wish, the customer's wall clock being that of {@code zone}. */
  public boolean matches(TimeRange slot, ZoneId zone) {
    if (exactStart != null) {
      return slot.start().equals(exactStart);
    }
    LocalDateTime lower = lower();
    LocalDateTime upper = upper();
    for (LocalDateTime reading : extremeReadings(slot, zone)) {
      if (reading.isBefore(lower) || reading.isAfter(upper)) {
        return false;
      }
    }
    return true;
  }

  /** The latest instant at which a matching slot could start, for expiring wishes that lie in the past. */
  public Instant lastStart(ZoneId zone) {
    return exactStart != null ? exactStart : upper().plusDays(1).atZone(zone).toInstant();
  }

  private LocalDateTime lower() {
    return from == null ? date.atStartOfDay() : date.atTime(from);
  }

  private LocalDateTime upper() {
    return to == null ? date.plusDays(1).atStartOfDay() : date.atTime(to);
  }

  /**
   * The wall-clock readings at which the local time over the slot is smallest or largest: its start, the limit at its
   * end, and both sides of every offset change inside it (between changes the reading grows with the instant).
   */
  private static List<LocalDateTime> extremeReadings(TimeRange slot, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    List<LocalDateTime> readings = new ArrayList<>();
    readings.add(LocalDateTime.ofInstant(slot.start(), zone));
    // The slot ends just before its end instant: the clock's reading as it approaches it (an offset change exactly
    // at the end does not count).
    readings.add(LocalDateTime.ofInstant(slot.end().minusNanos(1), zone).plusNanos(1));
    ZoneOffsetTransition t = rules.nextTransition(slot.start());
    while (t != null && t.getInstant().isBefore(slot.end())) {
      readings.add(t.getDateTimeBefore());
      readings.add(t.getDateTimeAfter());
      t = rules.nextTransition(t.getInstant());
    }
    return readings;
  }
}
