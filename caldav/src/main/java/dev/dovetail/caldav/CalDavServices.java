package dev.dovetail.caldav;

import dev.dovetail.account.port.in.Authenticate;
import dev.dovetail.booking.app.ScheduleWriter;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.calendar.app.CalendarReadService;
import dev.dovetail.calendar.app.CalendarWriteService;
import dev.dovetail.calendar.port.in.ReadCalendar;
import dev.dovetail.calendar.port.in.WriteCalendar;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.calendar.port.out.ScheduleRevisions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the CalDAV adapter needs from the core: authentication, the provider's catalog (resources are calendars), the
 * schedule guard and its lock (events block time), bookings (shown as events) and the calendar object store.
 * {@code maxBodyBytes} bounds every request body. {@code freedTime} hears about time a DELETE or an edit unblocked;
 * {@code scheduleRevisions} tells cheaply whether a cached calendar view is still current.
 */
public record CalDavServices(
    Authenticate authenticate,
    ManageCatalog catalog,
    ScheduleRepository schedules,
    BookingRepository bookings,
    ResourceLock lock,
    CalendarObjectRepository objects,
    Clock clock,
    long maxBodyBytes,
    FreedTime freedTime,
    ScheduleRevisions scheduleRevisions) {

  private static final Logger LOG = LoggerFactory.getLogger(CalDavServices.class);

  /**
   * The calendar write use case on these services: lock, compare-and-set and freed-time announcements through one
   * {@link ScheduleWriter}; an announcement lost after its write is logged.
   */
  public WriteCalendar calendarWrites() {
    ScheduleWriter writer = new ScheduleWriter(lock, schedules, freedTime,
        (resourceId, failure) -> LOG.warn("freed-time listener failed for {}: {}", resourceId, failure.toString()));
    return new CalendarWriteService(catalog, writer, objects, clock);
  }

  /** The calendar read use case on these services. */
  public ReadCalendar calendarReads() {
    return new CalendarReadService(catalog, objects);
  }

  /** Without a listener for freed time. */
  public CalDavServices(Authenticate authenticate, ManageCatalog catalog, ScheduleRepository schedules,
      BookingRepository bookings, ResourceLock lock, CalendarObjectRepository objects, Clock clock,
      long maxBodyBytes) {
    this(authenticate, catalog, schedules, bookings, lock, objects, clock, maxBodyBytes, FreedTime.none(),
        ScheduleRevisions.reading(schedules));
  }

  /** The same services announcing freed time to {@code listener}. */
  public CalDavServices withFreedTime(FreedTime listener) {
    return new CalDavServices(authenticate, catalog, schedules, bookings, lock, objects, clock, maxBodyBytes,
        listener, scheduleRevisions);
  }

  /** The same services reading schedule revisions through {@code revisions} (a cheap store read). */
  public CalDavServices withScheduleRevisions(ScheduleRevisions revisions) {
    return new CalDavServices(authenticate, catalog, schedules, bookings, lock, objects, clock, maxBodyBytes,
        freedTime, revisions);
  }
}
