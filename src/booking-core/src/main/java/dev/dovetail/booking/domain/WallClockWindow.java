package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Opening hours on one day as wall-clock times in the resource's zone, {@code [start, end)}. An {@code end} of 00:00
 * means the end of the day (24:00).
 *
 * <p>On a given date the window is open exactly while a wall clock in the zone shows a time of that date within
 * {@code [start, end)} ({@link #rangesOn}). So when the clocks spring forward through the window it is shorter in
 * real time, when they fall back inside it it is longer, and a time the clocks skip opens or closes the window at the
 * moment of the jump, never an hour later.
 */
public record WallClockWindow(LocalTime start, LocalTime end) {

  public WallClockWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
      throw new IllegalArgumentException("opening hours are whole minutes: " + start + "-" + end);
    }
    if (!endsAtMidnight(end) && !start.isBefore(end)) {
      throw new IllegalArgumentException("window must end after it starts: " + start + "-" + end);
    }
  }

  public static WallClockWindow of(String start, String end) {
    return new WallClockWindow(LocalTime.parse(start), LocalTime.parse(end));
  }

  private static boolean endsAtMidnight(LocalTime end) {
    return end.equals(LocalTime.MIDNIGHT);
  }

  /**
   * The first instant at which a wall clock in the zone shows this window's start on the given date, or a later
   * time: a start the clocks skip (DST gap) becomes the instant of the jump; a start the clocks show twice is its
   * first occurrence.
   */
  public ZonedDateTime startOn(LocalDate date, ZoneId zone) {
    return firstShowing(date.atTime(start), zone);
  }

  /**
   * The first instant at which a wall clock in the zone shows this window's end on the given date, or a later time;
   * 24:00 is the next day's start of day, and an end the clocks skip is the instant of the jump.
   */
  public ZonedDateTime endOn(LocalDate date, ZoneId zone) {
    return firstShowing(endOn(date), zone);
  }

  /**
   * The real-time ranges, in order, during which a wall clock in {@code zone} shows a time of {@code date} within this
   * window: one range on most days, none when the clocks skip the whole window, and two when the clocks fall back
   * from inside the window to a time before its start (the repeated part outside the window is not open). Adjacent
   * pieces are merged. O(1) zone-rule look-ups: only the transitions within a day and a half of the window matter.
   */
  public List<TimeRange> rangesOn(LocalDate date, ZoneId zone) {
    LocalDateTime from = date.atTime(start);
    LocalDateTime to = endOn(date);
    ZoneRules rules = zone.getRules();
    // No offset exceeds +/-18:00, so every instant showing a time in [from, to) lies in [lo, hi).
    Instant lo = from.toInstant(ZoneOffset.MAX);
    Instant hi = to.toInstant(ZoneOffset.MIN);
    List<TimeRange> ranges = new ArrayList<>(1);
    Instant cursor = lo;
    ZoneOffset offset = rules.getOffset(lo);
    while (cursor.isBefore(hi)) {
      ZoneOffsetTransition next = rules.nextTransition(cursor);
      Instant segmentEnd = next == null || next.getInstant().isAfter(hi) ? hi : next.getInstant();
      // Within [cursor, segmentEnd) the offset is constant, so the wall time is the instant shifted by it.
      Instant open = max(cursor, from.toInstant(offset));
      Instant close = min(segmentEnd, to.toInstant(offset));
      if (open.isBefore(close)) {
        int last = ranges.size() - 1;
        if (last >= 0 && ranges.get(last).end().equals(open)) {
          ranges.set(last, new TimeRange(ranges.get(last).start(), close));
        } else {
          ranges.add(new TimeRange(open, close));
        }
      }
      if (next == null || segmentEnd.equals(hi)) {
        break;
      }
      cursor = segmentEnd;
      offset = next.getOffsetAfter();
    }
    return List.copyOf(ranges);
  }

  private LocalDateTime endOn(LocalDate date) {
    return endsAtMidnight(end) ? date.plusDays(1).atStartOfDay() : date.atTime(end);
  }

  private static ZonedDateTime firstShowing(LocalDateTime wall, ZoneId zone) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(wall);
    if (transition != null && transition.isGap()) {
      return ZonedDateTime.ofInstant(transition.getInstant(), zone);
    }
    return ZonedDateTime.ofLocal(wall, zone, null);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Minutes since midnight of the start and end (end of day is 1440), for interval arithmetic on wall times. */
  public int startMinute() {
    return start.getHour() * 60 + start.getMinute();
  }

  public int endMinute() {
    return endsAtMidnight(end) ? 24 * 60 : end.getHour() * 60 + end.getMinute();
  }

  public boolean overlaps(WallClockWindow other) {
    return startMinute() < other.endMinute() && other.startMinute() < endMinute();
  }
}
