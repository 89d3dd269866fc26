package dev.dovetail.testkit;

import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Reference adapter: compare-and-set on the revision, exactly like the MongoDB one. */
public class InMemoryScheduleRepository implements ScheduleRepository {

  private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();

  @Override
  public Future<Schedule> load(String resourceId) {
    return Future.succeededFuture(schedules.getOrDefault(resourceId, Schedule.empty(resourceId)));
  }

  @Override
  public Future<Schedule> update(String resourceId, UnaryOperator<Schedule> change) {
    try {
      while (true) {
        Schedule current = schedules.getOrDefault(resourceId, Schedule.empty(resourceId));
        Schedule changed = change.apply(current);
        Schedule stored = new Schedule(resourceId, current.revision() + 1, changed.blocks());
        boolean written = current.revision() == 0
            ? schedules.putIfAbsent(resourceId, stored) == null
            : schedules.replace(resourceId, current, stored);
        if (written) {
          return Future.succeededFuture(stored);
        }
      }
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
  }

  @Override
  public Future<List<String>> resourceIds() {
    return Future.succeededFuture(List.copyOf(schedules.keySet()));
  }

  @Override
  public Future<Void> delete(String resourceId) {
    schedules.remove(resourceId);
    return Future.succeededFuture();
  }
}
