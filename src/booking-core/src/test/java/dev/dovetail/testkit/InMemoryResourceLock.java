package dev.dovetail.testkit;

import dev.dovetail.booking.port.out.ResourceLock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Reference adapter: serialises blocks per resource by chaining them on the previous holder's completion. */
public class InMemoryResourceLock implements ResourceLock {

  private final Map<String, Future<Void>> tails = new ConcurrentHashMap<>();

  @Override
  public <T> Future<T> withLock(String resourceId, Supplier<Future<T>> block) {
    Promise<Void> released = Promise.promise();
    Future<Void> previous = tails.put(resourceId, released.future());
    Future<Void> turn = previous == null ? Future.succeededFuture() : previous;
    return turn.compose(v -> {
      Future<T> result;
      try {
        result = block.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.andThen(done -> released.complete());
    });
  }
}
