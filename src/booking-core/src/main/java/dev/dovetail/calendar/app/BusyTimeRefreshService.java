package dev.dovetail.calendar.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.ObjectTimes;
import dev.dovetail.calendar.port.in.RefreshBusyTime;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The busy-time refresh ({@link RefreshBusyTime}): under the resource's lock, each opaque recurring object's blocks
 * are replaced by what {@link ObjectTimes#blocking} says it blocks now, instance by instance, so an instance a booking
 * holds is reported as a clash and the others are placed. The core cannot log: {@code failures} hears about a
 * resource whose refresh failed (the sweep goes on) and {@code clashes} about the clashes found.
 */
public final class BusyTimeRefreshService implements RefreshBusyTime {

  private final ResourceRepository resources;
  private final ScheduleRepository schedules;
  private final ResourceLock lock;
  private final CalendarObjectRepository objects;
  private final ObjectTimes times;
  private final Clock clock;
  private final BiConsumer<String, Throwable> failures;
  private final BiConsumer<String, List<Clash>> clashReports;

  public BusyTimeRefreshService(ResourceRepository resources, ScheduleRepository schedules, ResourceLock lock,
      CalendarObjectRepository objects, ObjectTimes times, Clock clock, BiConsumer<String, Throwable> failures,
      BiConsumer<String, List<Clash>> clashReports) {
    this.resources = resources;
    this.schedules = schedules;
    this.lock = lock;
    this.objects = objects;
    this.times = times;
    this.clock = clock;
    this.failures = failures;
    this.clashReports = clashReports;
  }

  @Override
  public Future<Integer> sweep() {
    return objects.withRecurringTime().compose(ids -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (String id : ids) {
        chain = chain.compose(n -> refresh(id).map(clashes -> n + clashes.size())
            .recover(err -> {
              failures.accept(id, err);
              return Future.succeededFuture(n);
            }));
      }
      return chain;
    });
  }

  @Override
  public Future<List<Clash>> refresh(String resourceId) {
    return objects.load(resourceId).compose(calendar -> {
      if (calendar.objects().stream().noneMatch(CalendarObject::recurring)
          && !calendar.properties().containsKey(CLASHES)) {
        return Future.succeededFuture(List.of());
      }
      return resources.findById(resourceId).compose(found -> found
          .map(resource -> lock.withLock(resourceId, () -> refreshLocked(resource)))
          .orElseGet(() -> Future.succeededFuture(List.of())));
    });
  }

  private Future<List<Clash>> refreshLocked(Resource resource) {
    String id = resource.id();
    Instant now = clock.instant();
    List<Clash> clashes = new ArrayList<>();
    return objects.load(id)
        .compose(calendar -> schedules.update(id, s -> {
          clashes.clear();
          return place(s, calendar, resource, now, clashes);
        }))
        .compose(s -> {
          if (!clashes.isEmpty()) {
            clashReports.accept(id, List.copyOf(clashes));
          }
          String report = clashes.isEmpty() ? null
              : clashes.stream().map(Clash::line).collect(Collectors.joining("\n"));
          return objects.update(id, c -> c.withProperty(CLASHES, report));
        })
        .map(c -> List.copyOf(clashes));
  }

  private Schedule place(Schedule schedule, CalendarCollection calendar, Resource resource, Instant now,
      List<Clash> clashes) {
    Schedule next = schedule;
    for (CalendarObject o : calendar.objects()) {
      if (!o.recurring()) {
        continue;
      }
      List<TimeRange> spans;
      try {
        spans = times.blocking(o, resource.zone(), now);
      } catch (RuntimeException unreadable) {
        continue;
      }
      String prefix = CalendarWriteService.OWNER_PREFIX + o.href() + "#";
      List<Block> wanted = CalendarWriteService.busyBlocks(resource.id(), o.href(), spans, now);
      List<Block> have = next.blocks().stream().filter(b -> b.ownerId().startsWith(prefix)).toList();
      if (sorted(have).equals(sorted(wanted))) {
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

  private static List<TimeRange> sorted(List<Block> blocks) {
    return blocks.stream().map(Block::span).sorted(Comparator.comparing(TimeRange::start)).toList();
  }

}
