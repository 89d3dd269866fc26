package dev.dovetail.calendar.port.out;

import dev.dovetail.calendar.domain.CalendarCollection;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Stores each resource's CalDAV calendar ({@link CalendarCollection}: objects, change sequence, tombstones, dead
 * properties) as one document, changed only by compare-and-set on its revision, exactly like the
 * {@code ScheduleRepository}: {@link #update} reads, applies {@code change} (a pure function that throws to refuse)
 * and writes only if nobody wrote in between, retrying on a lost race. Durable once the future succeeds.
 */
public interface CalendarObjectRepository {

  /** The calendar, or an empty one at revision 0 if nothing was ever written to it. */
  Future<CalendarCollection> load(String resourceId);

  /**
   * The stored revision of the calendar (0 if never written): a cheap read that lets a reader keep a calendar it
   * already has, and its indexes, until any node writes a new revision. Adapters should read only this field.
   */
  default Future<Long> revision(String resourceId) {
    return load(resourceId).map(CalendarCollection::revision);
  }

  /**
   * One property of the calendar (null when unset or never written): a cheap read that lets an unauthenticated
   * request be checked against a secret (the webcal feed token) before the calendar is loaded. Adapters should read
   * only this field.
   */
  default Future<String> property(String resourceId, String name) {
    return load(resourceId).map(c -> c.properties().get(name));
  }

  /**
   * Up to {@code limit} resource ids of stored calendars, the most written first (highest revision): the calendars a
   * node loads ahead after it starts (ADR 59). Adapters should read only the ids.
   */
  Future<List<String>> mostWritten(int limit);

  /**
   * Ids of the calendars the hourly busy-time refresh visits (ADR 83): those holding a {@linkplain
   * dev.dovetail.calendar.domain.CalendarObject#recurring recurring} object or a clash report ({@code
   * RefreshBusyTime.CLASHES}). Adapters keep this with each write, so listing it does not read the calendars.
   */
  Future<List<String>> withRecurringTime();

  /** Applies {@code change} atomically; fails with the exception {@code change} threw, or after too many lost races. */
  Future<CalendarCollection> update(String resourceId, UnaryOperator<CalendarCollection> change);

  /**
   * Removes the calendar document (objects, tombstones, sync history, dead properties such as the webcal token), when
   * its resource is deleted; a later {@link #load} sees an empty calendar. Durable once the future succeeds.
   */
  Future<Void> delete(String resourceId);
}
