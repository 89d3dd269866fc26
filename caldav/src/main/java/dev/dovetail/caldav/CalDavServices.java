package dev.dovetail.caldav;

import dev.dovetail.account.port.in.Authenticate;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import java.time.Clock;

/**
 * What the CalDAV adapter needs from the core: authentication, the provider's catalog (resources are calendars), the
 * schedule guard and its lock (events block time), bookings (shown as events) and the calendar object store.
 * {@code maxBodyBytes} bounds every request body.
 */
public record CalDavServices(
    Authenticate authenticate,
    ManageCatalog catalog,
    ScheduleRepository schedules,
    BookingRepository bookings,
    ResourceLock lock,
    CalendarObjectRepository objects,
    Clock clock,
    long maxBodyBytes) {}
