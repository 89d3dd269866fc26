package dev.dovetail.testkit;

import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.port.out.ResourceLock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reference adapter: serialises blocks per resource by chaining them on the previous holder's completion. A
 * {@link #noWait()} lock gives up at once with {@link ResourceBusyException} when the resource is held, as the real lock
 * does when its timeout runs out (deterministic, without timers); its place in the chain is passed on untouched.
 */
public class InMemoryResourceLock implements ResourceLock {

  private final Map<String, Future<Void>> tails = new ConcurrentHashMap<>();
  private final boolean waits;

  /** Waits as long as it takes. */
  public InMemoryResourceLock() {
    this(true);
  }

  private InMemoryResourceLock(boolean waits) {
    this.waits = waits;
  }

  /** A lock whose waiters give up at once while another holds the resource. */
  public static InMemoryResourceLock noWait() {
    return new InMemoryResourceLock(false);
  }

  @Override
  public <T> Future<T> withLock(String resourceId, Supplier<Future<T>> block) {
    Promise<Void> released = Promise.promise();
    Future<Void> previous = tails.put(resourceId, released.future());
    Future<Void> turn = previous == null ? Future.succeededFuture() : previous;
    if (!waits && !turn.isComplete()) {
      turn.onComplete(ignored -> released.complete());
      return Future.failedFuture(new ResourceBusyException(resourceId));
    }
    return turn.compose(v -> run(block).andThen(done -> released.complete()));
  }

  private static <T> Future<T> run(Supplier<Future<T>> block) {
    try {
      return block.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
