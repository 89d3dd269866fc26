package dev.dovetail.booking.port.out;

import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every {@link ResourceLock} must do: one holder per resource at a time, released however the block ends. */
@ExtendWith(VertxExtension.class)
public interface ResourceLockContract {

  ResourceLock lock();

  /** The same locks as seen from another hub node; a single-node lock returns {@link #lock()}. */
  default ResourceLock peerLock() {
    return lock();
  }

  /** How many acquisitions race in the exclusion test. */
  default int contenders() {
    return 120;
  }

  @Test
  @DisplayName("withLock: runs the block and completes with its result")
  default void withLockReturnsTheBlocksResult(VertxTestContext ctx) {
    lock().withLock(id("res"), () -> Future.succeededFuture("done"))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result).isEqualTo("done");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("withLock: a failed or throwing block fails the call and releases the lock")
  default void withLockReleasesAfterFailureAndThrow(VertxTestContext ctx) {
    String resource = id("res");
    IllegalStateException boom = new IllegalStateException("boom");
    failureOf(lock().withLock(resource, () -> Future.failedFuture(boom)))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isSameAs(boom));
          return failureOf(lock().<String>withLock(resource, () -> {
            throw boom;
          }));
        })
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isSameAs(boom));
          return peerLock().withLock(resource, () -> Future.succeededFuture("free again"));
        })
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result).isEqualTo("free again");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("withLock: a held lock does not block another resource")
  default void differentResourcesDoNotExcludeEachOther(VertxTestContext ctx) {
    String first = id("res");
    String second = id("res");
    Promise<Void> release = Promise.promise();
    Future<Void> holding = lock().withLock(first, () -> release.future());
    peerLock().withLock(second, () -> Future.succeededFuture("second ran"))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(holding.isComplete()).isFalse();
          assertThat(result).isEqualTo("second ran");
          release.complete();
          holding.onComplete(ctx.succeedingThenComplete());
        })));
  }

  /**
   * Many acquisitions of one resource, alternating between this node's and the peer's lock. Each block counts the
   * holders inside it and stays a little while (a timer, not a sleep); at no moment may there be two.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  @DisplayName("withLock: exactly one holder at a time under concurrent acquisitions")
  default void exactlyOneHolderAtATime(Vertx vertx, VertxTestContext ctx) {
    String resource = id("res");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger ran = new AtomicInteger();
    List<Future<Integer>> all = new ArrayList<>();
    for (int i = 0; i < contenders(); i++) {
      ResourceLock lock = i % 2 == 0 ? lock() : peerLock();
      all.add(lock.withLock(resource, () -> {
        int now = inside.incrementAndGet();
        maxInside.accumulateAndGet(now, Math::max);
        ran.incrementAndGet();
        Promise<Integer> done = Promise.promise();
        vertx.setTimer(1, t -> {
          inside.decrementAndGet();
          done.complete(now);
        });
        return done.future();
      }));
    }
    Future.all(all).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat(maxInside.get()).as("most holders at once").isEqualTo(1);
      assertThat(ran.get()).isEqualTo(contenders());
      assertThat(inside.get()).isZero();
      ctx.completeNow();
    })));
  }
}
