package dev.dovetail.booking.port.out;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Small helpers for asserting on futures in contracts. */
public final class Outcomes {

  private Outcomes() {}

  /** Succeeds with the future's failure; fails with an AssertionError if the future succeeded. */
  public static Future<Throwable> failureOf(Future<?> future) {
    return future.transform(ar -> ar.succeeded()
        ? Future.failedFuture(new AssertionError("expected a failure, got " + ar.result()))
        : Future.succeededFuture(ar.cause()));
  }

  /** Blocks the calling (non event-loop) thread until the future completes, at most 30 s. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no result within 30 s", e);
    }
  }
}
