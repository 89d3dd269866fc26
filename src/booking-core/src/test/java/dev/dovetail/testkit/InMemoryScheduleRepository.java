package dev.dovetail.testkit;

import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Reference adapter: compare-and-set on the revision, exactly like the MongoDB one, and the janitor's marks (ADR 82)
 * stamped with the given clock.
 */
public class InMemoryScheduleRepository implements ScheduleRepository {

  /** A stored schedule and its janitor mark; {@code marks} counts marks since the last write, as the store's does. */
  private record Stored(Schedule schedule, boolean unswept, long marks, Instant changedAt) {}

  private final Map<String, Stored> schedules = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryScheduleRepository() {
    this(Clock.systemUTC());
  }

  public InMemoryScheduleRepository(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Schedule> load(String resourceId) {
    Stored stored = schedules.get(resourceId);
    return Future.succeededFuture(stored == null ? Schedule.empty(resourceId) : stored.schedule());
  }

  @Override
  public Future<Schedule> update(String resourceId, UnaryOperator<Schedule> change) {
    try {
      while (true) {
        Stored current = schedules.get(resourceId);
        Schedule before = current == null ? Schedule.empty(resourceId) : current.schedule();
        Schedule changed = change.apply(before);
        Stored next = new Stored(new Schedule(resourceId, before.revision() + 1, changed.blocks()), true, 0,
            clock.instant());
        boolean written = current == null
            ? schedules.putIfAbsent(resourceId, next) == null
            : schedules.replace(resourceId, current, next);
        if (written) {
          return Future.succeededFuture(next.schedule());
        }
      }
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
  }

  @Override
  public Future<List<Unswept>> unswept() {
    return Future.succeededFuture(schedules.values().stream()
        .filter(Stored::unswept)
        .map(s -> new Unswept(s.schedule().resourceId(), s.schedule().revision(), s.marks(), s.changedAt()))
        .toList());
  }

  @Override
  public Future<Void> markUnswept(String resourceId) {
    schedules.computeIfPresent(resourceId, (id, s) -> new Stored(s.schedule(), true, s.marks() + 1, clock.instant()));
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> markSwept(Unswept seen) {
    boolean[] cleared = new boolean[1];
    schedules.computeIfPresent(seen.resourceId(), (id, s) -> {
      if (!s.unswept() || s.schedule().revision() != seen.revision() || s.marks() != seen.marks()) {
        return s;
      }
      cleared[0] = true;
      return new Stored(s.schedule(), false, s.marks(), s.changedAt());
    });
    return Future.succeededFuture(cleared[0]);
  }

  @Override
  public Future<Void> delete(String resourceId) {
    schedules.remove(resourceId);
    return Future.succeededFuture();
  }
}
