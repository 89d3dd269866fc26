package dev.dovetail.calendar.app;

import dev.dovetail.booking.app.ScheduleWriter;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.BusyInterval;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.calendar.domain.BookingEventReadOnlyException;
import dev.dovetail.calendar.domain.BookingIcs;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarComponents;
import dev.dovetail.calendar.domain.CalendarLimits;
import dev.dovetail.calendar.domain.CalendarNotDeletableException;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.CalendarObjectChangedException;
import dev.dovetail.calendar.domain.FreedSpans;
import dev.dovetail.calendar.domain.UidInUseException;
import dev.dovetail.calendar.domain.UnsupportedComponentException;
import dev.dovetail.calendar.port.in.WriteCalendar;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The calendar write use case. Every write runs through the {@link ScheduleWriter}: under the resource's lock it
 * re-reads the resource for the provider (so a calendar deleted meanwhile, or another provider's, is not found), then
 * writes. A put reads the resource, the calendar and the schedule at once, then replaces the object's BUSY blocks
 * first ({@code Schedule.place} refuses an overlap with a booking or hold) and the object second; if the object write
 * fails the blocks are put back as they were. A put whose blocks are the ones already stored (none before and none
 * now, as for a task or a transparent event, or an edit that keeps the times) writes the object alone: one
 * compare-and-set and one durability wait instead of two of each (ADR 78). A delete removes the
 * object first and frees its blocks second (a crash in between over-blocks, never under-blocks). The time a write
 * freed is announced after the lock.
 */
public final class CalendarWriteService implements WriteCalendar {

  /** Owners of an object's blocks are {@code caldav:<name>#<n>}. */
  public static final String OWNER_PREFIX = "caldav:";

  private final ManageCatalog catalog;
  private final ScheduleWriter writer;
  private final CalendarObjectRepository objects;
  private final Clock clock;
  private final CalendarViews views;

  /** {@code views}: this node's cached calendars, which a put or delete advances (see {@link CalendarViews}). */
  public CalendarWriteService(ManageCatalog catalog, ScheduleWriter writer, CalendarObjectRepository objects,
      Clock clock, CalendarViews views) {
    this.catalog = catalog;
    this.writer = writer;
    this.objects = objects;
    this.clock = clock;
    this.views = views;
  }

  @Override
  public Future<PutOutcome> put(PutObject cmd) {
    try {
      CalendarLimits.requireName(cmd.name());
      CalendarLimits.requireUid(cmd.uid());
      CalendarLimits.requireBusy(cmd.busy());
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
    String resourceId = cmd.resourceId();
    Instant now = clock.instant();
    CalendarObject object = CalendarObject.of(cmd.name(), cmd.uid(), cmd.ics(), false);
    String prefix = OWNER_PREFIX + cmd.name() + "#";
    // only events block time: a task's or journal entry's dates never hold a booking off
    List<Block> newBlocks = CalendarComponents.blocksTime(cmd.component())
        ? busyBlocks(resourceId, cmd.name(), cmd.busy(), now) : List.of();
    return writer.write(resourceId, () -> {
      // the three reads a put needs, sent at once; the ownership check still decides first
      Future<Resource> resource = owned(cmd.providerId(), resourceId);
      Future<CalendarCollection> calendar = objects.load(resourceId);
      Future<Schedule> schedule = writer.schedules().loadUnderLock(resourceId);
      return resource.compose(owned -> Future.all(calendar, schedule)).compose(read -> {
        CalendarObject existing = checkPut(calendar.result(), cmd);
        Schedule before = schedule.result();
        List<Block> previous = new ArrayList<>(before.blocksOfOwnersStartingWith(prefix));
        long[] bases = {before.revision(), 0}; // the schedule's and the calendar's revisions this write was applied to
        // blocks exactly as stored already (none before, none now; or the same spans): the schedule is not written
        Future<Schedule> placed = sameBlocks(previous, newBlocks) ? Future.succeededFuture(before)
            : writer.schedules().update(resourceId, s -> {
              bases[0] = s.revision();
              previous.clear();
              previous.addAll(s.blocksOfOwnersStartingWith(prefix));
              return release(s, prefix, now).place(newBlocks, now);
            });
        return placed.compose(s -> objects.update(resourceId, c -> {
              bases[1] = c.revision();
              checkPut(c, cmd);
              return c.put(object);
            }).recover(err -> s == before ? Future.failedFuture(err) : writer.schedules()
                .update(resourceId, s2 -> release(s2, prefix, now).place(previous, now))
                .transform(ignored -> Future.failedFuture(err)))
            .map(c -> new ScheduleWriter.Written<>(
                new PutOutcome(existing == null, c.find(cmd.name()).orElseThrow().etag(),
                    new Written(c, bases[1], bases[0], s.revision())),
                FreedSpans.between(previous, s, now))));
      });
    }).onSuccess(done -> views.advance(resourceId, done.written()));
  }

  /**
   * Whether an object's stored blocks and its new ones are the same owners with the same kind, times and expiry (only
   * when they were placed differs): then placing the new ones would change nothing the schedule decides with.
   */
  private static boolean sameBlocks(List<Block> stored, List<Block> wanted) {
    if (stored.size() != wanted.size()) {
      return false;
    }
    Map<String, Block> byOwner = new HashMap<>();
    stored.forEach(b -> byOwner.put(b.ownerId(), b));
    return wanted.stream().allMatch(w -> {
      Block b = byOwner.get(w.ownerId());
      return b != null && b.kind() == w.kind() && Objects.equals(b.bookingTypeId(), w.bookingTypeId())
          && b.booked().equals(w.booked()) && b.span().equals(w.span()) && Objects.equals(b.expiresAt(), w.expiresAt());
    });
  }

  @Override
  public Future<Written> delete(DeleteObject cmd) {
    String resourceId = cmd.resourceId();
    Instant now = clock.instant();
    String prefix = OWNER_PREFIX + cmd.name() + "#";
    long[] calendarBase = new long[1];
    return writer.write(resourceId, () -> owned(cmd.providerId(), resourceId)
        .compose(resource -> objects.update(resourceId, c -> {
          calendarBase[0] = c.revision();
          CalendarObject existing = c.find(cmd.name())
              .orElseThrow(() -> new NotFoundException("calendar object", cmd.name()));
          if (existing.booking()) {
            throw new BookingEventReadOnlyException(
                "this event is a Dovetail booking; cancel it through Dovetail, not CalDAV");
          }
          String ifMatch = cmd.ifMatch();
          if (ifMatch != null && !"*".equals(ifMatch) && !existing.etag().equals(ifMatch)) {
            throw new CalendarObjectChangedException("the object changed (If-Match)");
          }
          return c.remove(cmd.name());
        }))
        .compose(c -> freeBlocks(resourceId, prefix, now).map(released -> new ScheduleWriter.Written<>(
            new Written(c, calendarBase[0], released.scheduleBase(), released.scheduleAfter()),
            released.freed()))))
        .onSuccess(written -> views.advance(resourceId, written));
  }

  @Override
  public Future<Void> deleteCalendar(String providerId, String resourceId) {
    Instant now = clock.instant();
    return writer.write(resourceId, () -> owned(providerId, resourceId).compose(resource -> {
      if (resource.bookable()) {
        return Future.failedFuture(new CalendarNotDeletableException(CalendarNotDeletableException.Why.BOOKABLE_RESOURCE));
      }
      return writer.schedules().load(resourceId).compose(schedule -> {
        boolean booked = schedule.blocks().stream()
            .anyMatch(b -> b.kind() == Block.Kind.BOOKING && !b.isExpiredAt(now));
        if (booked) {
          return Future.failedFuture(new CalendarNotDeletableException(CalendarNotDeletableException.Why.HAS_BOOKINGS));
        }
        return objects.update(resourceId, c -> {
              CalendarCollection next = c;
              for (CalendarObject o : c.objects()) {
                next = next.remove(o.href());
              }
              return next;
            })
            .compose(c -> freeBlocks(resourceId, OWNER_PREFIX, now))
            .compose(released -> catalog.deleteResource(providerId, resourceId)
                .map(v -> new ScheduleWriter.Written<Void>(null, released.freed())));
      });
    }));
  }

  @Override
  public Future<CalendarCollection> setProperties(String providerId, String resourceId,
      Map<String, String> changes) {
    Map<String, String> copy = new HashMap<>(changes);
    String components = copy.get(CalendarComponents.PROPERTY);
    if (components != null) {
      try {
        copy.put(CalendarComponents.PROPERTY, CalendarComponents.encode(List.of(components.split(","))));
      } catch (UnsupportedComponentException refused) {
        return Future.failedFuture(refused);
      }
    }
    return writer.write(resourceId, () -> owned(providerId, resourceId)
        .compose(resource -> objects.update(resourceId, c -> {
          CalendarCollection next = c;
          for (Map.Entry<String, String> e : copy.entrySet()) {
            next = next.withProperty(e.getKey(), e.getValue());
          }
          return next;
        }))
        .map(c -> new ScheduleWriter.Written<>(c, List.of())));
  }

  /** The resource, if it (still) exists and is the provider's; read under the lock. */
  private Future<Resource> owned(String providerId, String resourceId) {
    return catalog.resource(providerId, resourceId);
  }

  /** The BUSY blocks of an object's instances (those with a length), owners {@code caldav:<name>#<n>}. */
  public static List<Block> busyBlocks(String resourceId, String name, List<TimeRange> busy, Instant now) {
    List<Block> blocks = new ArrayList<>();
    int i = 0;
    for (TimeRange span : busy) {
      blocks.add(Block.forBusy(new BusyInterval(OWNER_PREFIX + name + "#" + i++, resourceId, span, "caldav"), now));
    }
    return blocks;
  }

  private static CalendarObject checkPut(CalendarCollection c, PutObject cmd) {
    CalendarComponents.requireSupported(c, cmd.component());
    CalendarObject existing = c.find(cmd.name()).orElse(null);
    if (existing != null && existing.booking()) {
      throw new BookingEventReadOnlyException(
          "this event is a Dovetail booking; reschedule or cancel it through Dovetail, not CalDAV");
    }
    if (existing == null && cmd.name().startsWith(BookingIcs.HREF_PREFIX)) {
      throw new BookingEventReadOnlyException("names starting with 'booking-' are reserved for bookings");
    }
    if (cmd.uid().endsWith(BookingIcs.UID_SUFFIX)) {
      throw new BookingEventReadOnlyException("UIDs ending in @dovetail are reserved for bookings");
    }
    if (cmd.ifNoneMatchStar() && existing != null) {
      throw new CalendarObjectChangedException("the object already exists (If-None-Match: *)");
    }
    String ifMatch = cmd.ifMatch();
    if (ifMatch != null && (existing == null || !("*".equals(ifMatch) || existing.etag().equals(ifMatch)))) {
      throw new CalendarObjectChangedException("the object changed or does not exist (If-Match)");
    }
    CalendarObject sameUid = c.findByUid(cmd.uid()).orElse(null);
    if (sameUid != null && !sameUid.href().equals(cmd.name())) {
      throw new UidInUseException(cmd.providerId(), cmd.resourceId(), sameUid.href());
    }
    return existing;
  }

  /** What releasing an object's blocks did: the time freed, and the schedule revisions before and after. */
  private record Released(List<TimeRange> freed, long scheduleBase, long scheduleAfter) {}

  /** Releases the blocks whose owner starts with {@code prefix}. */
  private Future<Released> freeBlocks(String resourceId, String prefix, Instant now) {
    List<Block> released = new ArrayList<>();
    long[] base = new long[1];
    return writer.schedules().update(resourceId, s -> {
          base[0] = s.revision();
          released.clear();
          released.addAll(s.blocksOfOwnersStartingWith(prefix));
          return release(s, prefix, now);
        })
        .map(s -> new Released(FreedSpans.between(released, s, now), base[0], s.revision()));
  }

  /** Releases the blocks whose owner starts with {@code prefix}: O(log n) per block, not a pass over the schedule. */
  private static Schedule release(Schedule s, String prefix, Instant now) {
    Schedule next = s;
    for (Block b : s.blocksOfOwnersStartingWith(prefix)) {
      next = next.release(b.ownerId(), now);
    }
    return next;
  }
}
