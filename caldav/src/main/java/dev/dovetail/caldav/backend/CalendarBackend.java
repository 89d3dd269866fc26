package dev.dovetail.caldav.backend;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BusyInterval;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.caldav.CalDavServices;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar of a resource, as CalDAV sees it: the objects written by clients plus one read-only event per booking,
 * and the bridge from events to the resource's {@code Schedule}.
 *
 * <p><b>Bookings</b> are projected lazily: each read compares the live BOOKING blocks of the schedule (and the
 * bookings they name) with the booking objects stored in the calendar, and writes the difference (new or changed
 * bookings put, cancelled or expired ones removed), so that etags, the CTag and sync tokens move when a booking does.
 * Confirmed bookings whose block was pruned (ended over 8 days ago) stay in the calendar.
 *
 * <p><b>Writes</b> of an opaque event place one BUSY block per instance (inside {@link IcsParser#BUSY_WINDOW}, at most
 * {@link Occurrences#MAX_INSTANCES}) through {@code ResourceLock} and {@code ScheduleRepository.update}, which refuses
 * an overlap with a booking or hold; the object is written second, and if that fails the blocks are put back as they
 * were. A DELETE removes the object first and frees its blocks second (a crash in between over-blocks, never
 * under-blocks).
 */
public final class CalendarBackend {

  public static final QName NO_BOOKING_OVERLAP = Ns.dovetail("no-booking-overlap");
  public static final QName BOOKING_READ_ONLY = Ns.dovetail("booking-is-read-only");
  private static final String OWNER_PREFIX = "caldav:";

  private static final Logger LOG = LoggerFactory.getLogger(CalendarBackend.class);
  private final CalDavServices services;
  private final CalendarViews views = new CalendarViews();

  public CalendarBackend(CalDavServices services) {
    this.services = services;
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

  /** What a PUT did: whether it created the object, and the new etag. */
  public record PutOutcome(boolean created, String etag) {}

  /**
   * Writes a parsed event at {@code name}. {@code ifMatch} (an etag, or null) and {@code ifNoneMatchStar} are checked
   * against the freshest calendar inside the write.
   */
  public Future<PutOutcome> put(Resource resource, String name, String ics, ParsedEvent event, String ifMatch,
      boolean ifNoneMatchStar) {
    String resourceId = resource.id();
    Instant now = services.clock().instant();
    CalendarObject object = CalendarObject.of(name, event.uid(), ics, false);
    return services.lock().withLock(resourceId, () -> services.objects().load(resourceId).compose(current -> {
      CalendarObject existing = checkPut(current, resource, name, event.uid(), ifMatch, ifNoneMatchStar);
      String prefix = OWNER_PREFIX + name + "#";
      List<Block> newBlocks = busyBlocks(resourceId, name, event, now);
      List<Block> previous = new ArrayList<>();
      long[] bases = new long[2]; // the schedule's and the calendar's revisions this write was applied to
      return services.schedules().update(resourceId, s -> {
            bases[0] = s.revision();
            previous.clear();
            s.blocks().stream().filter(b -> b.ownerId().startsWith(prefix)).forEach(previous::add);
            return release(s, prefix, now).place(newBlocks, now);
          })
          .recover(err -> Future.failedFuture(err instanceof SlotUnavailableException
              ? DavException.forbidden(NO_BOOKING_OVERLAP, "the event overlaps a booking or a hold on this resource;"
                  + " move it or cancel the booking first")
              : err))
          .compose(s -> services.objects().update(resourceId, c -> {
            bases[1] = c.revision();
            checkPut(c, resource, name, event.uid(), ifMatch, ifNoneMatchStar);
            return c.put(object);
          }).recover(err -> services.schedules()
              .update(resourceId, s2 -> release(s2, prefix, now).place(previous, now))
              .transform(ignored -> Future.failedFuture(err)))
              .map(c -> {
                views.advance(resourceId, bases[1], bases[0], s.revision(), c);
                return new Freeing<>(new PutOutcome(existing == null, c.find(name).orElseThrow().etag()),
                    FreedSpans.between(previous, s, now));
              }));
    })).compose(done -> announce(resourceId, done.freed()).map(done.result()));
  }

  /** A write's result and the time it freed, announced once the resource lock is released. */
  private record Freeing<T>(T result, List<TimeRange> freed) {}

  /**
   * The BUSY blocks an event at {@code name} places: one per instance with a length, owners {@code caldav:<name>#<n>};
   * none for a transparent or cancelled event.
   */
  public static List<Block> busyBlocks(String resourceId, String name, ParsedEvent event, Instant now) {
    List<Block> blocks = new ArrayList<>();
    if (event.opaque()) {
      int i = 0;
      for (Occurrence o : event.busy()) {
        if (o.end().isAfter(o.start())) {
          BusyInterval busy = new BusyInterval(OWNER_PREFIX + name + "#" + i++, resourceId,
              new TimeRange(o.start(), o.end()), "caldav");
          blocks.add(Block.forBusy(busy, now));
        }
      }
    }
    return blocks;
  }

  private static CalendarObject checkPut(CalendarCollection c, Resource resource, String name, String uid, String ifMatch,
      boolean ifNoneMatchStar) {
    CalendarObject existing = c.find(name).orElse(null);
    if (existing != null && existing.booking()) {
      throw DavException.forbidden(BOOKING_READ_ONLY,
          "this event is a Dovetail booking; reschedule or cancel it through Dovetail, not CalDAV");
    }
    if (existing == null && name.startsWith(BookingIcs.HREF_PREFIX)) {
      throw DavException.forbidden(BOOKING_READ_ONLY, "names starting with 'booking-' are reserved for bookings");
    }
    if (uid.endsWith(BookingIcs.UID_SUFFIX)) {
      throw DavException.forbidden(BOOKING_READ_ONLY, "UIDs ending in @dovetail are reserved for bookings");
    }
    if (ifNoneMatchStar && existing != null) {
      throw new DavException(412, null, "the object already exists (If-None-Match: *)");
    }
    if (ifMatch != null && (existing == null || !("*".equals(ifMatch) || existing.etag().equals(ifMatch)))) {
      throw new DavException(412, null, "the object changed or does not exist (If-Match)");
    }
    CalendarObject sameUid = c.findByUid(uid).orElse(null);
    if (sameUid != null && !sameUid.href().equals(name)) {
      throw new UidConflict(Hrefs.object(resource.providerId(), resource.id(), sameUid.href()));
    }
    return existing;
  }

  /** CALDAV:no-uid-conflict names the object that already has the UID (RFC 4791 5.3.2.1). */
  public static final class UidConflict extends DavException {
    private final String href;

    UidConflict(String href) {
      super(403, Ns.caldav("no-uid-conflict"), "another object in this calendar already has this UID");
      this.href = href;
    }

    @Override
    protected String preconditionXml() {
      return "<c:no-uid-conflict><d:href>" + dev.dovetail.caldav.dav.Xml.escape(href) + "</d:href></c:no-uid-conflict>";
    }
  }

  /** Deletes a client object and frees its busy time; bookings are refused. */
  public Future<Void> delete(Resource resource, String name, String ifMatch) {
    String resourceId = resource.id();
    Instant now = services.clock().instant();
    String prefix = OWNER_PREFIX + name + "#";
    long[] calendarBase = new long[1];
    return services.lock().withLock(resourceId, () -> services.objects().update(resourceId, c -> {
          calendarBase[0] = c.revision();
          CalendarObject existing = c.find(name).orElseThrow(DavException::notFound);
          if (existing.booking()) {
            throw DavException.forbidden(BOOKING_READ_ONLY,
                "this event is a Dovetail booking; cancel it through Dovetail, not CalDAV");
          }
          if (ifMatch != null && !"*".equals(ifMatch) && !existing.etag().equals(ifMatch)) {
            throw new DavException(412, null, "the object changed (If-Match)");
          }
          return c.remove(name);
        })
        .compose(c -> freeBlocks(resourceId, prefix, now).map(released -> {
          views.advance(resourceId, calendarBase[0], released.scheduleBase(), released.scheduleAfter(), c);
          return released.freed();
        })))
        .compose(freed -> announce(resourceId, freed));
  }

  /** What releasing an event's blocks did: the time freed, and the schedule revisions before and after. */
  private record Released(List<TimeRange> freed, long scheduleBase, long scheduleAfter) {}

  /** Releases the blocks whose owner starts with {@code prefix}. */
  private Future<Released> freeBlocks(String resourceId, String prefix, Instant now) {
    List<Block> released = new ArrayList<>();
    long[] base = new long[1];
    return services.schedules().update(resourceId, s -> {
          base[0] = s.revision();
          released.clear();
          s.blocks().stream().filter(b -> b.ownerId().startsWith(prefix)).forEach(released::add);
          return release(s, prefix, now);
        })
        .map(s -> new Released(FreedSpans.between(released, s, now), base[0], s.revision()));
  }

  /** Best effort (the write is done): a failing listener is logged, never fails the request. */
  private Future<Void> announce(String resourceId, List<TimeRange> freed) {
    if (freed.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Void> heard;
    try {
      heard = services.freedTime().freed(resourceId, freed);
    } catch (RuntimeException e) {
      heard = Future.failedFuture(e);
    }
    return heard.recover(err -> {
      LOG.warn("freed-time listener failed for {}: {}", resourceId, err.toString());
      return Future.succeededFuture();
    });
  }

  /**
   * Deletes a whole calendar created over CalDAV: only a resource that is not bookable and has no live booking or
   * hold. Its objects are removed and its busy time freed (so freed time is announced), then the resource deleted,
   * which retires the id and purges the calendar and schedule documents ({@code CatalogService.deleteResource}).
   */
  public Future<Void> deleteCalendar(Resource resource) {
    if (resource.bookable()) {
      return Future.failedFuture(DavException.forbidden(Ns.dovetail("calendar-is-a-resource"),
          "this calendar is a bookable resource; delete it in the Dovetail dashboard"));
    }
    String resourceId = resource.id();
    Instant now = services.clock().instant();
    return services.lock().withLock(resourceId, () -> services.schedules().load(resourceId).compose(schedule -> {
      boolean booked = schedule.blocks().stream()
          .anyMatch(b -> b.kind() == Block.Kind.BOOKING && !b.isExpiredAt(now));
      if (booked) {
        return Future.failedFuture(DavException.forbidden(Ns.dovetail("calendar-has-bookings"),
            "this calendar still has bookings or holds; cancel them first"));
      }
      return services.objects().update(resourceId, c -> {
            CalendarCollection next = c;
            for (CalendarObject o : c.objects()) {
              next = next.remove(o.href());
            }
            return next;
          })
          .compose(c -> freeBlocks(resourceId, OWNER_PREFIX, now))
          .compose(released -> services.catalog().deleteResource(resource.providerId(), resourceId)
              .map(released.freed()));
    })).compose(freed -> announce(resourceId, freed));
  }

  private static Schedule release(Schedule s, String prefix, Instant now) {
    Schedule next = s;
    for (Block b : s.blocks()) {
      if (b.ownerId().startsWith(prefix)) {
        next = next.release(b.ownerId(), now);
      }
    }
    return next;
  }

  /** The blocking spans (bookings, holds, busy time) live at {@code now}, for free-busy reports. */
  public Future<List<Block>> blocks(String resourceId) {
    Instant now = services.clock().instant();
    return services.schedules().load(resourceId)
        .map(s -> s.blocks().stream().filter(b -> !b.isExpiredAt(now)).toList());
  }
}
