package dev.dovetail.caldav.backend;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.caldav.CalDavServices;
import dev.dovetail.calendar.app.CalendarWriteService;
import dev.dovetail.calendar.domain.BookingIcs;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.port.in.WriteCalendar;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calendar of a resource, as CalDAV sees it: the objects written by clients plus one read-only event per booking,
 * and the bridge from events to the resource's {@code Schedule}.
 *
 * <p><b>Bookings</b> are projected lazily: each read compares the live BOOKING blocks of the schedule (and the
 * bookings they name) with the booking objects stored in the calendar, and writes the difference (new or changed
 * bookings put, cancelled or expired ones removed), so that etags, the CTag and sync tokens move when a booking does.
 * Confirmed bookings whose block was pruned (ended over 8 days ago) stay in the calendar.
 *
 * <p><b>Writes</b> go to the calendar use case in the core ({@link WriteCalendar}, {@code CalendarWriteService}):
 * an opaque event's instances (inside {@link IcsParser#BUSY_WINDOW}, at most {@link Occurrences#MAX_INSTANCES})
 * become BUSY blocks, refused on an overlap with a booking or hold. Its domain exceptions become DAV preconditions
 * in one place ({@code DavErrors}). This class keeps the cached, booking-projected views in step with the writes.
 */
public final class CalendarBackend {

  private final CalDavServices services;
  private final WriteCalendar writes;
  private final CalendarViews views = new CalendarViews();

  public CalendarBackend(CalDavServices services) {
    this.services = services;
    this.writes = services.calendarWrites();
  }

  /**
   * The calendar with its booking events brought up to date: the cached one while neither the calendar document nor
   * the schedule changed (two revision reads), otherwise loaded and projected again.
   */
  public Future<CalendarCollection> calendar(Resource resource) {
    Instant now = services.clock().instant();
    String id = resource.id();
    Future<Long> calendarRevision = services.objects().revision(id);
    Future<Long> scheduleRevision = services.scheduleRevisions().revision(id);
    return Future.all(calendarRevision, scheduleRevision).compose(both -> {
      CalendarViews.View hit = views.current(id, calendarRevision.result(), scheduleRevision.result(), now);
      return hit != null ? Future.succeededFuture(hit.collection) : load(resource, now);
    });
  }

  /**
   * The time index of a calendar this backend served (built once per calendar version); call on a worker thread.
   * {@code checkpoint} runs before each object is expanded (a request's deadline; objects expanded before it threw
   * stay cached).
   */
  public CalendarIndex index(Resource resource, CalendarCollection collection, Runnable checkpoint) {
    Instant now = services.clock().instant();
    CalendarViews.View view = views.of(resource.id(), collection);
    return view != null ? view.index(resource.zone(), now, checkpoint)
        : CalendarIndex.build(collection, resource.zone(), now, checkpoint);
  }

  private Future<CalendarCollection> load(Resource resource, Instant now) {
    return services.schedules().load(resource.id()).compose(schedule -> projected(resource, schedule, now)
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
    return services.objects().load(resource.id())
        .compose(collection -> {
          Set<String> ids = new HashSet<>();
          for (Block b : schedule.blocks()) {
            if (b.kind() == Block.Kind.BOOKING && !b.isExpiredAt(now)) {
              ids.add(b.ownerId());
            }
          }
          for (CalendarObject o : collection.objects()) {
            if (o.booking()) {
              ids.add(o.href().substring(BookingIcs.HREF_PREFIX.length(), o.href().length() - ".ics".length()));
            }
          }
          if (ids.isEmpty()) {
            return Future.succeededFuture(collection);
          }
          return services.bookings().findByIds(List.copyOf(ids)).compose(bookings -> {
            Map<String, CalendarObject> wanted = new HashMap<>();
            for (Booking b : bookings) {
              if (b.resourceId().equals(resource.id())
                  && (b.status() == BookingStatus.CONFIRMED || b.blocksAt(now))) {
                CalendarObject o = BookingIcs.object(b);
                wanted.put(o.href(), o);
              }
            }
            if (!differs(collection, wanted)) {
              return Future.succeededFuture(collection);
            }
            return services.objects().update(resource.id(), c -> project(c, wanted));
          });
        });
  }

  private static boolean differs(CalendarCollection c, Map<String, CalendarObject> wanted) {
    for (CalendarObject o : c.objects()) {
      if (o.booking() && !wanted.containsKey(o.href())) {
        return true;
      }
    }
    for (CalendarObject w : wanted.values()) {
      CalendarObject have = c.find(w.href()).orElse(null);
      if (have == null || !have.etag().equals(w.etag())) {
        return true;
      }
    }
    return false;
  }

  private static CalendarCollection project(CalendarCollection c, Map<String, CalendarObject> wanted) {
    CalendarCollection next = c;
    for (CalendarObject o : c.objects()) {
      if (o.booking() && !wanted.containsKey(o.href())) {
        next = next.remove(o.href());
      }
    }
    for (CalendarObject w : wanted.values()) {
      CalendarObject have = next.find(w.href()).orElse(null);
      if (have != null && !have.booking()) {
        continue; // a client object squats the href: never overwrite it
      }
      try {
        next = next.put(w);
      } catch (IllegalArgumentException uidTaken) {
        // a client object already has this UID (written before the guard below existed): leave both alone
      }
    }
    return next;
  }

  /**
   * Writes a parsed event at {@code name} through the calendar use case ({@link WriteCalendar#put}); the cached view
   * follows the write. {@code ifMatch} (an etag, or null) and {@code ifNoneMatchStar} are checked there.
   */
  public Future<WriteCalendar.PutOutcome> put(Resource resource, String name, String ics, ParsedEvent event,
      String ifMatch, boolean ifNoneMatchStar) {
    return writes.put(new WriteCalendar.PutObject(resource.providerId(), resource.id(), name, event.uid(), ics,
            busySpans(event), ifMatch, ifNoneMatchStar))
        .onSuccess(done -> follow(resource.id(), done.written()));
  }

  /** The spans an event blocks: one per instance with a length; none for a transparent or cancelled event. */
  static List<TimeRange> busySpans(ParsedEvent event) {
    List<TimeRange> spans = new ArrayList<>();
    if (event.opaque()) {
      for (Occurrence o : event.busy()) {
        if (o.end().isAfter(o.start())) {
          spans.add(new TimeRange(o.start(), o.end()));
        }
      }
    }
    return spans;
  }

  /** The BUSY blocks an event at {@code name} places (owners {@code caldav:<name>#<n>}), for the busy-time refresh. */
  public static List<Block> busyBlocks(String resourceId, String name, ParsedEvent event, Instant now) {
    return CalendarWriteService.busyBlocks(resourceId, name, busySpans(event), now);
  }

  /** Deletes a client object through the calendar use case, which frees its busy time; bookings are refused. */
  public Future<Void> delete(Resource resource, String name, String ifMatch) {
    return writes.delete(new WriteCalendar.DeleteObject(resource.providerId(), resource.id(), name, ifMatch))
        .onSuccess(written -> follow(resource.id(), written))
        .mapEmpty();
  }

  /** Deletes a whole calendar created over CalDAV ({@link WriteCalendar#deleteCalendar}). */
  /** Sets (null: removes) dead properties of the provider's calendar: see {@link WriteCalendar#setProperties}. */
  public Future<CalendarCollection> setProperties(String providerId, String resourceId, Map<String, String> changes) {
    return writes.setProperties(providerId, resourceId, changes);
  }

  public Future<Void> deleteCalendar(Resource resource) {
    return writes.deleteCalendar(resource.providerId(), resource.id());
  }

  private void follow(String resourceId, WriteCalendar.Written w) {
    views.advance(resourceId, w.calendarBase(), w.scheduleBase(), w.scheduleAfter(), w.calendar());
  }

  /** The blocking spans (bookings, holds, busy time) live at {@code now}, for free-busy reports. */
  public Future<List<Block>> blocks(String resourceId) {
    Instant now = services.clock().instant();
    return services.schedules().load(resourceId)
        .map(s -> s.blocks().stream().filter(b -> !b.isExpiredAt(now)).toList());
  }
}
