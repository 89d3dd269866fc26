package dev.dovetail.calendar.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When a stored calendar object happens: the iCalendar engine, supplied by the adapter that parses iCalendar (the
 * core does not, ADR 34) and handed to the calendar use cases when they are wired. A pure function of the object's
 * text, the zone its floating times are read in and the window asked about, bounded by the engine's recurrence limits;
 * no I/O. Calls are CPU work: make them on a worker thread. An object the engine cannot read has no instances.
 */
public interface ObjectTimes {

  /** One instance, in UTC; {@code end} equals {@code start} for an instant (a task with a DUE only, say). */
  record Instance(Instant start, Instant end) {

    /** RFC 4791 9.9: starts before {@code to} and ends after {@code from}; an instant counts at the start only. */
    public boolean overlaps(Instant from, Instant to) {
      if (end.equals(start)) {
        return !start.isBefore(from) && start.isBefore(to);
      }
      return start.isBefore(to) && end.isAfter(from);
    }
  }

  /**
   * The instances of an object expanded once for an index: every instance before {@code exactUntil} is in
   * {@code instances} ({@link Instant#MAX}: all of them); later ones are matched per query with {@link #overlaps}.
   */
  record Indexed(List<Instance> instances, Instant exactUntil) {

    public Indexed {
      instances = List.copyOf(instances);
    }
  }

  /** The object's instances for a time index (cached by the engine per object version). */
  Indexed indexed(CalendarObject object, ZoneId floating, Instant now);

  /**
   * Whether the object overlaps [from, to) by the rule of its kind (RFC 4791 9.9: an event's or journal entry's
   * instances, or a task's table); {@code checkpoint} runs as any expansion goes and may throw to stop it.
   */
  boolean overlaps(CalendarObject object, ZoneId floating, Instant from, Instant to, Runnable checkpoint);

  /**
   * The spans the object blocks inside [from, to): its instances with a length if it is busy time (an opaque event;
   * never a transparent or cancelled one, a task or a journal entry). {@code checkpoint} runs as the expansion goes
   * (a request's deadline) and may throw to stop it.
   */
  List<TimeRange> busy(CalendarObject object, ZoneId floating, Instant from, Instant to, Runnable checkpoint);

  /**
   * The spans the object blocks from {@code now} on, exactly as when it was written (the busy window a write
   * materialises); fails if the object can no longer be read.
   */
  List<TimeRange> blocking(CalendarObject object, ZoneId floating, Instant now);
}
