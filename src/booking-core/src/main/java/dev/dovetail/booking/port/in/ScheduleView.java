package dev.dovetail.booking.port.in;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What fills a provider's resources' time over {@code window}: per resource its open time (opening hours minus
 * breaks, holidays and overrides applied; the rest is closed) and its entries. {@code complete} is false when the
 * provider has more resources than one view shows.
 */
public record ScheduleView(TimeRange window, List<ResourceSchedule> resources, boolean complete) {

  public ScheduleView {
    Objects.requireNonNull(window, "window");
    resources = List.copyOf(resources);
  }

  /** One resource's open time and entries, in time order. */
  public record ResourceSchedule(String resourceId, String name, ZoneId zone, List<TimeRange> open,
      List<Entry> entries) {

    public ResourceSchedule {
      open = List.copyOf(open);
      entries = List.copyOf(entries);
    }
  }

  /** What an entry is: a confirmed booking, a live hold, or busy time from a calendar. */
  public enum Kind { BOOKING, HOLD, BUSY }

  /** Why an entry is shown as a clash: it overlaps another entry, or a booking lies outside the opening hours. */
  public enum Clash { OVERLAP, OUTSIDE_HOURS }

  /**
   * One block of a resource's schedule: {@code time} as booked, {@code span} with the type's buffers. Bookings and
   * holds name their booking (and a hold its expiry); busy time names only its {@code source} ({@code caldav},
   * {@code google}, {@code outlook}): never the event's title, attendees or ids. {@code clash} is null without one.
   */
  public record Entry(Kind kind, TimeRange time, TimeRange span, String bookingId, String bookingTypeId,
      Instant expiresAt, String source, Clash clash) {

    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(span, "span");
    }

    public Entry withClash(Clash found) {
      return new Entry(kind, time, span, bookingId, bookingTypeId, expiresAt, source, found);
    }
  }
}
