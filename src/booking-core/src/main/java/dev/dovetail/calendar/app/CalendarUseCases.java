package dev.dovetail.calendar.app;

import dev.dovetail.booking.app.ScheduleWriter;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.calendar.domain.ObjectTimes;
import dev.dovetail.calendar.port.in.ReadCalendar;
import dev.dovetail.calendar.port.in.RefreshBusyTime;
import dev.dovetail.calendar.port.in.WriteCalendar;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.calendar.port.out.ScheduleRevisions;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The calendar use cases of one node, wired on the same out-ports and sharing one {@link CalendarViews} (so this
 * node's writes keep its cached calendars current). A second node on the same store is a second {@link #wire}.
 */
public record CalendarUseCases(WriteCalendar writes, ReadCalendar reads, RefreshBusyTime busyTime) {

  /** The out-ports the calendar use cases work on. */
  public record Ports(ResourceRepository resources, ScheduleRepository schedules, ScheduleRevisions scheduleRevisions,
      BookingRepository bookings, ResourceLock lock, CalendarObjectRepository objects, FreedTime freedTime) {}

  /**
   * What the core reports but cannot log itself: a freed-time announcement lost after its write, a resource whose
   * busy-time refresh failed, and the instances a booking kept from being blocked.
   */
  public record Reports(ScheduleWriter.LostAnnouncements lostAnnouncements, BiConsumer<String, Throwable> refreshFailed,
      BiConsumer<String, List<RefreshBusyTime.Clash>> clashes) {}

  /** The use cases on {@code ports}, reading times of objects through {@code times} (the iCalendar engine). */
  public static CalendarUseCases wire(ManageCatalog catalog, Ports ports, ObjectTimes times, Clock clock,
      Reports reports) {
    CalendarViews views = new CalendarViews();
    ScheduleWriter writer = new ScheduleWriter(ports.lock(), ports.schedules(), ports.freedTime(),
        reports.lostAnnouncements());
    return new CalendarUseCases(
        new CalendarWriteService(catalog, writer, ports.objects(), clock, views),
        new CalendarReadService(catalog, ports.resources(), ports.schedules(), ports.scheduleRevisions(), ports.bookings(),
            ports.objects(), times, views, clock),
        new BusyTimeRefreshService(ports.resources(), ports.schedules(), ports.lock(), ports.objects(), times, clock,
            reports.refreshFailed(), reports.clashes()));
  }
}
