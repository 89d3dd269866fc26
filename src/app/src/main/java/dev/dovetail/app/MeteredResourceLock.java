package dev.dovetail.app;

import dev.dovetail.booking.port.out.ResourceLock;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The resource lock, timing how long each caller waits for it ({@code dovetail_resource_lock_wait_seconds}) and
 * counting the locks held right now (a stopping hub waits for that to reach zero).
 */
final class MeteredResourceLock implements ResourceLock {

  private final ResourceLock lock;
  private final Timer waits;
  private final AtomicInteger held = new AtomicInteger();

  MeteredResourceLock(ResourceLock lock, Timer waits) {
    this.lock = lock;
    this.waits = waits;
  }

  @Override
  public <T> Future<T> withLock(String resourceId, Supplier<Future<T>> block) {
    long asked = System.nanoTime();
    return lock.withLock(resourceId, () -> {
      waits.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
      held.incrementAndGet();
      Future<T> result;
      try {
        result = block.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.andThen(done -> held.decrementAndGet());
    });
  }

  /** Locks taken through this node and not yet released. */
  int held() {
    return held.get();
  }
}
