package dev.dovetail.calendar.port.in;

import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.ResourceCalendar;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Reads a provider's resource calendars. Ownership (the resource is the provider's) is decided here: another
 * provider's calendar, or one that does not exist, fails with {@code NotFoundException}, as a missing value does.
 * Listing and getting objects and sync changes are read from the {@link ResourceCalendar} this port hands out (its
 * {@code CalendarCollection}); time queries go through {@link #overlapping} and {@link #busyInstances}, which use the
 * calendar's time index (built once per calendar version on this node) and the iCalendar engine the use case was
 * wired with.
 */
public interface ReadCalendar {

  /** One dead property of the provider's calendar (e.g. the webcal feed token); NotFoundException if unset. */
  Future<String> property(String providerId, String resourceId, String name);

  /**
   * The provider's calendar of a resource, with its booking events brought up to date (the cached one while neither
   * the calendar document nor the schedule changed: two revision reads).
   */
  Future<ResourceCalendar> calendar(String providerId, String resourceId);

  /** Every calendar of the provider, one per resource. */
  Future<List<ResourceCalendar>> calendars(String providerId);

  /**
   * Loads up to {@code limit} calendars into this node's cache, the most written first, whatever their provider (a
   * node's start-up, ADR 59): the first query after a restart then finds them. A calendar that fails to load is left
   * out. Index them with {@link #index}.
   */
  Future<List<ResourceCalendar>> warm(int limit);

  /**
   * Builds the calendar's time index unless this node has it, once per calendar version: a caller that finds a build of
   * the same version under way waits for it. The build runs on the thread of the caller that started it and runs
   * {@code buildCheckpoint} before each object (the server's bound on one build, not a request's budget: the index
   * is shared by every later reader); when it throws, every caller waiting for that build gets the same exception,
   * and the next call builds again, going further thanks to the engine's per-object caches. Call it before
   * {@link #overlapping} or {@link #busyInstances}, which otherwise build a missing index with their own checkpoint.
   * CPU work: call it on a worker thread.
   */
  void index(ResourceCalendar calendar, Runnable buildCheckpoint);

  /**
   * The spans the resource's schedule blocks at this instant (bookings and holds with their buffers, and the busy
   * time of opaque events, materialised one year ahead), those overlapping [from, to).
   */
  Future<List<TimeRange>> blockedTime(String providerId, String resourceId, Instant from, Instant to);

  /**
   * The objects of a calendar this port returned with an instance overlapping [from, to) (RFC 4791 9.9), in href
   * order. CPU work: call it on a worker thread; {@code checkpoint} runs as it goes and may throw to stop it.
   */
  List<CalendarObject> overlapping(ResourceCalendar calendar, Instant from, Instant to, Runnable checkpoint);

  /**
   * The busy spans of the calendar's client objects (opaque events; bookings are in {@link #blockedTime}) inside
   * [from, to), over the whole range (not only the materialised year). Worker thread, like {@link #overlapping}.
   */
  List<TimeRange> busyInstances(ResourceCalendar calendar, Instant from, Instant to, Runnable checkpoint);
}
