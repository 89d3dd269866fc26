package dev.dovetail.testkit;

import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.port.out.ResourceLock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Reference adapter: serialises blocks per resource by chaining them on the previous holder's completion. With a
 * timeout, a waiter whose turn has not come in time gives up with {@link ResourceBusyException}, like the real lock;
 * its place in the chain is passed on untouched when the turn comes.
 */
public class InMemoryResourceLock implements ResourceLock {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "in-memory-lock-timer");
    thread.setDaemon(true);
    return thread;
  });

  private final Map<String, Future<Void>> tails = new ConcurrentHashMap<>();
  private final Duration timeout;

  /** Waits as long as it takes. */
  public InMemoryResourceLock() {
    this(null);
  }

  /** Gives up after {@code timeout} (null: never). */
  public InMemoryResourceLock(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public <T> Future<T> withLock(String resourceId, Supplier<Future<T>> block) {
    Promise<Void> released = Promise.promise();
    Future<Void> previous = tails.put(resourceId, released.future());
    Future<Void> turn = previous == null ? Future.succeededFuture() : previous;
    Promise<T> answer = Promise.promise();
    AtomicBoolean decided = new AtomicBoolean();
    ScheduledFuture<?> giveUp = timeout == null ? null : TIMER.schedule(() -> {
      if (decided.compareAndSet(false, true)) {
        answer.fail(new ResourceBusyException(resourceId));
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    turn.onComplete(ignored -> {
      if (!decided.compareAndSet(false, true)) {
        released.complete();
        return;
      }
      if (giveUp != null) {
        giveUp.cancel(false);
      }
      run(block).onComplete(done -> {
        released.complete();
        answer.handle(done);
      });
    });
    return answer.future();
  }

  private static <T> Future<T> run(Supplier<Future<T>> block) {
    try {
      return block.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
