package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one way a use case changes a resource's schedule: holding the {@link ResourceLock} for the resource only, by
 * compare-and-set through the {@link ScheduleRepository} (which refuses an overlap even if the lock was lost), and
 * announcing the time the write freed through {@link FreedTime} once the lock is released. Used by bookings (which
 * announce through {@code BookingEvents} instead, so they free nothing here), calendar writes and calendar sync.
 */
public final class ScheduleWriter {

  /** Where an announcement that failed after its write is reported (the core does not log; its wiring does). */
  @FunctionalInterface
  public interface LostAnnouncements {
    void lost(String resourceId, Throwable failure);
  }

  private final ResourceLock lock;
  private final ScheduleRepository schedules;
  private final FreedTime freedTime;
  private final LostAnnouncements lost;
  private final ScheduleBatches batches;

  public ScheduleWriter(ResourceLock lock, ScheduleRepository schedules, FreedTime freedTime,
      LostAnnouncements lost) {
    this.lock = lock;
    this.schedules = schedules;
    this.freedTime = freedTime;
    this.lost = lost;
    this.batches = new ScheduleBatches(lock, schedules);
  }

  /** For writers that free no time outside {@code BookingEvents} (bookings): nothing is ever announced. */
  public ScheduleWriter(ResourceLock lock, ScheduleRepository schedules) {
    this(lock, schedules, FreedTime.none(), (resourceId, failure) -> { });
  }

  /** What a locked write did: its result, and the time it stopped blocking (announced after the lock). */
  public record Written<T>(T result, List<TimeRange> freed) {

    public Written {
      freed = List.copyOf(freed);
    }

    public static <T> Written<T> freeingNothing(T result) {
      return new Written<>(result, List.of());
    }
  }

  /**
   * A compare-and-set of the schedule under the resource's lock; frees nothing. The lock is held for the check and
   * the write only: the store's commit is awaited after it is released (ADR 47), and before this future succeeds.
   * Changes asked for the same resource while one is under way on this node are applied together, in order, in the
   * next compare-and-set ({@link ScheduleBatches}, ADR 71); one that throws fails alone. The schedule this future
   * gives may therefore hold the other changes of its batch too.
   */
  public Future<Schedule> update(String resourceId, UnaryOperator<Schedule> change) {
    return batches.update(resourceId, change);
  }

  /**
   * Runs {@code work} (schedule writes through {@link #schedules()}, and whatever must happen with them, such as the
   * calendar document) under the resource's lock; once it is released, announces the freed time, best effort: the
   * write is done, so a failing listener is reported to {@link LostAnnouncements} and never fails the caller.
   */
  public <T> Future<T> write(String resourceId, Supplier<Future<Written<T>>> work) {
    return lock.withLock(resourceId, work).compose(done -> announce(resourceId, done.freed()).map(done.result()));
  }

  /** The schedules, for the work of {@link #write} (call only from inside it). */
  public ScheduleRepository schedules() {
    return schedules;
  }

  private Future<Void> announce(String resourceId, List<TimeRange> freed) {
    if (freed.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Void> heard;
    try {
      heard = freedTime.freed(resourceId, freed);
    } catch (RuntimeException e) {
      heard = Future.failedFuture(e);
    }
    return heard.recover(err -> {
      lost.lost(resourceId, err);
      return Future.succeededFuture();
    });
  }
}
