package dev.dovetail.testkit;

import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The schedules as they are, except that writes to the {@code failing} resources fail, as if the store stopped
 * answering them half way through a use case: what a crash between two writes leaves, without the crash.
 */
public record ScheduleWritesFail(ScheduleRepository schedules, Set<String> failing) implements ScheduleRepository {

  @Override
  public Future<Schedule> load(String resourceId) {
    return schedules.load(resourceId);
  }

  @Override
  public Future<Schedule> update(String resourceId, UnaryOperator<Schedule> change) {
    return failing.contains(resourceId) ? Future.failedFuture(new IllegalStateException("the store is gone"))
        : schedules.update(resourceId, change);
  }

  @Override
  public Future<List<Unswept>> unswept() {
    return schedules.unswept();
  }

  @Override
  public Future<Void> markUnswept(String resourceId) {
    return schedules.markUnswept(resourceId);
  }

  @Override
  public Future<Boolean> markSwept(Unswept seen) {
    return schedules.markSwept(seen);
  }

  @Override
  public Future<Void> delete(String resourceId) {
    return schedules.delete(resourceId);
  }
}
