package dev.dovetail.calendar.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.calendar.domain.BookingProjection;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarIndex;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.ObjectTimes;
import dev.dovetail.calendar.domain.ResourceCalendar;
import dev.dovetail.calendar.port.in.ReadCalendar;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.calendar.port.out.ScheduleRevisions;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calendar read use case. Every read first finds the resource for the provider (ownership), then the calendar:
 * the cached view while its revisions stand still ({@link CalendarViews}), otherwise loaded with its booking events
 * projected again ({@link BookingProjection}: a changed projection is written back, so etags, the CTag and sync tokens
 * move when a booking does). A property is read from the one stored field first (cheap, so a feed request with a
 * made-up resource costs no catalog read) and returned only once the resource is found for the provider. Time queries
 * use the calendar version's time index, built once per version on this node however many readers ask at once
 * ({@link IndexBuilds}).
 */
public final class CalendarReadService implements ReadCalendar {

  private static final int PAGE = 200;

  private final ManageCatalog catalog;
  private final ResourceRepository resources;
  private final ScheduleRepository schedules;
  private final ScheduleRevisions scheduleRevisions;
  private final BookingRepository bookings;
  private final CalendarObjectRepository objects;
  private final ObjectTimes times;
  private final CalendarViews views;
  private final IndexBuilds indexes = new IndexBuilds();
  private final Clock clock;

  public CalendarReadService(ManageCatalog catalog, ResourceRepository resources, ScheduleRepository schedules,
      ScheduleRevisions scheduleRevisions, BookingRepository bookings, CalendarObjectRepository objects,
      ObjectTimes times, CalendarViews views, Clock clock) {
    this.catalog = catalog;
    this.resources = resources;
    this.schedules = schedules;
    this.scheduleRevisions = scheduleRevisions;
    this.bookings = bookings;
    this.objects = objects;
    this.times = times;
    this.views = views;
    this.clock = clock;
  }

  @Override
  public Future<String> property(String providerId, String resourceId, String name) {
    return objects.property(resourceId, name).compose(value -> value == null
        ? Future.failedFuture(new NotFoundException("calendar property", name))
        : catalog.resource(providerId, resourceId).map(owned -> value));
  }

  @Override
  public Future<ResourceCalendar> calendar(String providerId, String resourceId) {
    return catalog.resource(providerId, resourceId).compose(this::calendarOf);
  }

  @Override
  public Future<List<ResourceCalendar>> calendars(String providerId) {
    return resources(providerId, null, new ArrayList<>()).compose(all -> {
      // all loads start at once; the chain only collects them in order
      List<Future<ResourceCalendar>> loads = all.stream().map(this::calendarOf).toList();
      Future<List<ResourceCalendar>> collected = Future.succeededFuture(new ArrayList<>());
      for (Future<ResourceCalendar> load : loads) {
        collected = collected.compose(list -> load.map(c -> {
          list.add(c);
          return list;
        }));
      }
      return collected;
    });
  }

  @Override
  public Future<List<ResourceCalendar>> warm(int limit) {
    return objects.mostWritten(Math.min(limit, CalendarViews.CAPACITY)).compose(ids -> {
      Future<List<ResourceCalendar>> chain = Future.succeededFuture(new ArrayList<>());
      for (String id : ids) {
        chain = chain.compose(warmed -> resources.findById(id)
            .compose(found -> found.isEmpty() ? Future.succeededFuture(warmed) : calendarOf(found.get()).map(c -> {
              warmed.add(c);
              return warmed;
            }))
            .otherwise(warmed));
      }
      return chain;
    });
  }

  @Override
  public void index(ResourceCalendar calendar, Runnable buildCheckpoint) {
    indexOf(calendar, buildCheckpoint);
  }

  @Override
  public Future<List<TimeRange>> blockedTime(String providerId, String resourceId, Instant from, Instant to) {
    Instant now = clock.instant();
    return catalog.resource(providerId, resourceId)
        .compose(owned -> schedules.load(resourceId))
        .map(s -> s.blocks().stream().filter(b -> !b.isExpiredAt(now)).map(Block::span)
            .filter(span -> span.start().isBefore(to) && span.end().isAfter(from)).toList());
  }

  @Override
  public List<CalendarObject> overlapping(ResourceCalendar calendar, Instant from, Instant to, Runnable checkpoint) {
    return indexOf(calendar, checkpoint).overlapping(from, to, checkpoint);
  }

  @Override
  public List<TimeRange> busyInstances(ResourceCalendar calendar, Instant from, Instant to, Runnable checkpoint) {
    List<TimeRange> busy = new ArrayList<>();
    for (CalendarObject o : overlapping(calendar, from, to, checkpoint)) {
      checkpoint.run();
      if (!o.booking()) {
        busy.addAll(times.busy(o, calendar.resource().zone(), from, to, checkpoint));
      }
    }
    return busy;
  }

  /**
   * The calendar version's time index: the one this node built or is building (once per version, {@link IndexBuilds}),
   * else built now with {@code checkpoint}.
   */
  private CalendarIndex indexOf(ResourceCalendar calendar, Runnable checkpoint) {
    Instant now = clock.instant();
    Resource resource = calendar.resource();
    return indexes.index(resource.id(), calendar.collection(), resource.zone(),
        () -> CalendarIndex.build(calendar.collection(), times, resource.zone(), now, checkpoint));
  }

  private Future<List<Resource>> resources(String providerId, String cursor, List<Resource> acc) {
    return catalog.resources(providerId, new PageRequest(cursor, PAGE)).compose(page -> {
      acc.addAll(page.items());
      return page.nextCursor() == null ? Future.succeededFuture(acc) : resources(providerId, page.nextCursor(), acc);
    });
  }

  /** The owned resource's calendar: cached while both revisions stand still, else loaded and projected. */
  private Future<ResourceCalendar> calendarOf(Resource resource) {
    Instant now = clock.instant();
    String id = resource.id();
    Future<Long> calendarRevision = objects.revision(id);
    Future<Long> scheduleRevision = scheduleRevisions.revision(id);
    return calendarRevision.compose(calendarAt -> scheduleRevision.compose(scheduleAt -> {
      CalendarViews.View hit = views.current(id, calendarAt, scheduleAt, now);
      return hit != null ? Future.succeededFuture(hit.collection) : load(resource, now);
    })).map(c -> new ResourceCalendar(resource, c));
  }

  private Future<CalendarCollection> load(Resource resource, Instant now) {
    return schedules.load(resource.id()).compose(schedule -> projected(resource, schedule, now)
        .onSuccess(c -> views.remember(resource.id(),
            new CalendarViews.View(schedule.revision(), projectionValidUntil(schedule, now), c))));
  }

  /** The projection stays right until the earliest hold expires (then its booking event must go). */
  private static Instant projectionValidUntil(Schedule schedule, Instant now) {
    Instant until = Instant.MAX;
    for (Block b : schedule.blocks()) {
      if (b.expiresAt() != null && b.expiresAt().isAfter(now) && b.expiresAt().isBefore(until)) {
        until = b.expiresAt();
      }
    }
    return until;
  }

  private Future<CalendarCollection> projected(Resource resource, Schedule schedule, Instant now) {
    return objects.load(resource.id()).compose(collection -> {
      Set<String> ids = BookingProjection.bookingIds(schedule, collection, now);
      if (ids.isEmpty()) {
        return Future.succeededFuture(collection);
      }
      return bookings.findByIds(List.copyOf(ids)).compose(found -> {
        Map<String, CalendarObject> wanted = BookingProjection.wanted(resource.id(), found, now);
        return BookingProjection.differs(collection, wanted)
            ? objects.update(resource.id(), c -> BookingProjection.project(c, wanted))
            : Future.succeededFuture(collection);
      });
    });
  }
}
