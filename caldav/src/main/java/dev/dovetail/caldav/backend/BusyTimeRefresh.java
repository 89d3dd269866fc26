package dev.dovetail.caldav.backend;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.caldav.CalDavServices;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the busy time of recurring events one year ahead as time passes ({@link IcsParser#BUSY_WINDOW}): a PUT
 * blocks the instances of the year after it, so a never-ending weekly meeting would stop blocking a year later. A
 * periodic sweep (every node runs it; the work is idempotent and done under the resource lock) re-expands every opaque
 * recurring object and places the instances that entered the window.
 *
 * <p><b>A new instance that overlaps a booking</b> made since the PUT is not placed: the booking stays (it was
 * accepted while that time was free, and a customer holds it). The clash is reported, not dropped: the calendar's
 * {@code dovetail:busy-clashes} property lists each unplaced instance (object and time, one per line) until a later
 * sweep no longer finds it (the booking moved or was cancelled, or the event changed), and a warning is logged.
 */
public final class BusyTimeRefresh {

  /** How often the hub sweeps. */
  public static final Duration PERIOD = Duration.ofHours(1);
  /** The calendar property that reports instances a booking kept from being blocked. */
  public static final String CLASHES = "busy-clashes";
  private static final Logger LOG = LoggerFactory.getLogger(BusyTimeRefresh.class);
  private static final String OWNER_PREFIX = "caldav:";

  /** An instance of {@code href} that was not blocked because a booking or hold holds the time. */
  public record Clash(String href, TimeRange time) {
    String line() {
      return href + " " + time.start() + "/" + time.end();
    }
  }

  private final CalDavServices services;
  private final ResourceRepository resources;

  public BusyTimeRefresh(CalDavServices services, ResourceRepository resources) {
    this.services = services;
    this.resources = resources;
  }

  /** Refreshes every resource that has a schedule, one after the other; the number of clashes found. */
  public Future<Integer> sweep() {
    return services.schedules().resourceIds().compose(ids -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (String id : ids) {
        chain = chain.compose(n -> refresh(id).map(clashes -> n + clashes.size())
            .recover(err -> {
              LOG.warn("busy-time refresh of {} failed: {}", id, err.toString());
              return Future.succeededFuture(n);
            }));
      }
      return chain;
    });
  }

  /** Re-expands the opaque recurring objects of one resource's calendar; the clashes that remain. */
  public Future<List<Clash>> refresh(String resourceId) {
    return services.objects().load(resourceId).compose(calendar -> {
      if (calendar.objects().stream().noneMatch(BusyTimeRefresh::recurring)
          && !calendar.properties().containsKey(CLASHES)) {
        return Future.succeededFuture(List.of());
      }
      return resources.findById(resourceId).compose(found -> found
          .map(resource -> services.lock().withLock(resourceId, () -> refreshLocked(resource)))
          .orElseGet(() -> Future.succeededFuture(List.of())));
    });
  }

  private Future<List<Clash>> refreshLocked(Resource resource) {
    String id = resource.id();
    Instant now = services.clock().instant();
    List<Clash> clashes = new ArrayList<>();
    return services.objects().load(id)
        .compose(calendar -> services.schedules().update(id, s -> {
          clashes.clear();
          return place(s, calendar, resource, now, clashes);
        }))
        .compose(s -> {
          String report = clashes.isEmpty() ? null
              : clashes.stream().map(Clash::line).collect(Collectors.joining("\n"));
          if (!clashes.isEmpty()) {
            LOG.warn("resource {}: {} recurring instance(s) overlap bookings and were not blocked:\n{}", id,
                clashes.size(), report);
          }
          return services.objects().update(id, c -> c.withProperty(CLASHES, report));
        })
        .map(c -> List.copyOf(clashes));
  }

  private static Schedule place(Schedule schedule, CalendarCollection calendar, Resource resource, Instant now,
      List<Clash> clashes) {
    Schedule next = schedule;
    for (CalendarObject o : calendar.objects()) {
      if (!recurring(o)) {
        continue;
      }
      ParsedEvent event;
      try {
        event = IcsParser.parseForPut(o.ics(), resource.zone(), now);
      } catch (RuntimeException unreadable) {
        continue;
      }
      String prefix = OWNER_PREFIX + o.href() + "#";
      List<Block> wanted = CalendarBackend.busyBlocks(resource.id(), o.href(), event, now);
      List<Block> have = next.blocks().stream().filter(b -> b.ownerId().startsWith(prefix)).toList();
      if (spans(have).equals(spans(wanted))) {
        continue;
      }
      for (Block b : have) {
        next = next.release(b.ownerId(), now);
      }
      for (Block b : wanted) {
        try {
          next = next.place(List.of(b), now);
        } catch (SlotUnavailableException taken) {
          clashes.add(new Clash(o.href(), b.span()));
        }
      }
    }
    return next;
  }

  private static List<TimeRange> spans(List<Block> blocks) {
    return blocks.stream().map(Block::span).sorted(Comparator.comparing(TimeRange::start)).toList();
  }

  private static boolean recurring(CalendarObject o) {
    return !o.booking() && (o.ics().contains("RRULE:") || o.ics().contains("RDATE"));
  }
}
