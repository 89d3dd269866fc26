package dev.dovetail.booking.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Opening hours on one day as wall-clock times in the resource's zone, {@code [start, end)}. An {@code end} of 00:00
 * means the end of the day (24:00).
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

  /** The first instant of this window on the given date in the zone; a start inside a DST gap moves forward. */
  public ZonedDateTime startOn(LocalDate date, ZoneId zone) {
    return date.atTime(start).atZone(zone);
  }

  /** The instant this window ends on the given date in the zone; 24:00 is the next day's start of day. */
  public ZonedDateTime endOn(LocalDate date, ZoneId zone) {
    return endsAtMidnight(end) ? date.plusDays(1).atStartOfDay(zone) : date.atTime(end).atZone(zone);
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
