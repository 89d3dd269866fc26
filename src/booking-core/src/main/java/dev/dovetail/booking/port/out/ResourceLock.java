package dev.dovetail.booking.port.out;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Mutual exclusion per resource, cluster-wide when the hub runs clustered. Only the availability check and the
 * schedule write run inside; nothing slow (payments, external calendars, mail). The lock is an optimisation that
 * turns races into orderly 409s; correctness rests on {@link ScheduleRepository}'s compare-and-set.
 */
public interface ResourceLock {

  /** Runs {@code block} while holding the lock for {@code resourceId}; releases it when the block's future ends. */
  <T> Future<T> withLock(String resourceId, Supplier<Future<T>> block);
}
