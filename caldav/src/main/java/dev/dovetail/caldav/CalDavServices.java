package dev.dovetail.caldav;

import dev.dovetail.account.port.in.Authenticate;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.calendar.port.in.ReadCalendar;
import dev.dovetail.calendar.port.in.WriteCalendar;
import java.time.Clock;

/**
 * The core's use cases the CalDAV adapter translates to: authentication, the provider's catalog (a new calendar is a
 * new resource), and the calendar use cases ({@link WriteCalendar}, {@link ReadCalendar}), which decide ownership and
 * limits and keep this node's calendar views. {@code maxBodyBytes} bounds every request body.
 */
public record CalDavServices(
    Authenticate authenticate,
    ManageCatalog catalog,
    WriteCalendar writes,
    ReadCalendar reads,
    Clock clock,
    long maxBodyBytes) {}
