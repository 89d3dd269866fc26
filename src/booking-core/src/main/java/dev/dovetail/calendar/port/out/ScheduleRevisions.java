package dev.dovetail.calendar.port.out;

import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;

/**
 * The stored revision of a resource's schedule, read cheaply (without its blocks), so that the CalDAV view of a
 * calendar, whose booking events are projected from the schedule, can be reused until any node changes the schedule.
 */
public interface ScheduleRevisions {

  /** The schedule's revision, 0 if the resource never had a block. */
  Future<Long> revision(String resourceId);

  /** Reads the whole schedule for its revision: correct everywhere, cheap only in memory. */
  static ScheduleRevisions reading(ScheduleRepository schedules) {
    return resourceId -> schedules.load(resourceId).map(Schedule::revision);
  }
}
