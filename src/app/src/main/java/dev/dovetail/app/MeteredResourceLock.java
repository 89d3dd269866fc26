package dev.dovetail.app;

import dev.dovetail.booking.port.out.ResourceLock;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The resource lock, timing how long each caller waits for it ({@code dovetail_resource_lock_wait_seconds}) and how
 * long it holds it ({@code dovetail_resource_lock_hold_seconds}: from taking the lock to the end of the block's
 * future), and counting the locks held right now (a stopping hub waits for that to reach zero).
 */
final class MeteredResourceLock implements ResourceLock {

  private final ResourceLock lock;
  private final Timer waits;
  private final Timer holds;
  private final AtomicInteger held = new AtomicInteger();

  MeteredResourceLock(ResourceLock lock, Timer waits, Timer holds) {
    this.lock = lock;
    this.waits = waits;
    this.holds = holds;
  }

  @Override
  public <T> Future<T> withLock(String resourceId, Supplier<Future<T>> block) {
    long asked = System.nanoTime();
    return lock.withLock(resourceId, () -> {
      long taken = System.nanoTime();
      waits.record(taken - asked, TimeUnit.NANOSECONDS);
      held.incrementAndGet();
      Future<T> result;
      try {
        result = block.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.andThen(done -> {
        held.decrementAndGet();
        holds.record(System.nanoTime() - taken, TimeUnit.NANOSECONDS);
      });
    });
  }

  /** Locks taken through this node and not yet released. */
  int held() {
    return held.get();
  }
}
