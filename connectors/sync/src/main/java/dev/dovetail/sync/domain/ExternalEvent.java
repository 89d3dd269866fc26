package dev.dovetail.sync.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One external event or one instance of a recurring one, as a connector reads it. Timed events carry their UTC
 * {@code time} (the connector expanded recurrences in the event's own zone); all-day events carry dates instead
 * ({@code allDayEnd} exclusive), turned into instants in the zone of the resource they block. {@code instanceKey}
 * tells instances of one series apart (the original start); it is empty for a single event.
 */
public record ExternalEvent(
    String calendarId,
    String eventId,
    String instanceKey,
    String etag,
    TimeRange time,
    LocalDate allDayStart,
    LocalDate allDayEnd,
    ShowAs showAs) {

  public ExternalEvent {
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(instanceKey, "instanceKey");
    Objects.requireNonNull(showAs, "showAs");
    if ((time == null) == (allDayStart == null)) {
      throw new IllegalArgumentException("an event has either a time or all-day dates");
    }
    if (allDayStart != null && (allDayEnd == null || !allDayEnd.isAfter(allDayStart))) {
      throw new IllegalArgumentException("an all-day event ends on a later date than it starts");
    }
  }

  public static ExternalEvent timed(
      String calendarId, String eventId, String instanceKey, String etag, TimeRange time, ShowAs showAs) {
    return new ExternalEvent(calendarId, eventId, instanceKey, etag, time, null, null, showAs);
  }

  public static ExternalEvent allDay(String calendarId, String eventId, String instanceKey, String etag,
      LocalDate start, LocalDate endExclusive, ShowAs showAs) {
    return new ExternalEvent(calendarId, eventId, instanceKey, etag, null, start, endExclusive, showAs);
  }

  public boolean allDay() {
    return allDayStart != null;
  }

  /** The blocked instants: the time itself, or the all-day dates from midnight to midnight in {@code zone}. */
  public TimeRange span(ZoneId zone) {
    if (time != null) {
      return time;
    }
    return new TimeRange(allDayStart.atStartOfDay(zone).toInstant(), allDayEnd.atStartOfDay(zone).toInstant());
  }
}
