package dev.dovetail.infra.lock;

import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ResourceLockContract;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("SharedDataResourceLock on a single (non-clustered) node")
class SharedDataResourceLockIT implements ResourceLockContract {

  private ResourceLock lock;

  @BeforeEach
  void setUp(Vertx vertx) {
    lock = new SharedDataResourceLock(vertx, Duration.ofSeconds(30));
  }

  @Override
  public ResourceLock lock() {
    return lock;
  }

  @Test
  @DisplayName("withLock: waiting longer than the timeout fails with a ResourceBusyException, the holder is unaffected")
  void lockTimeoutIsBusyConflict(Vertx vertx, VertxTestContext ctx) {
    String resource = id("res");
    ResourceLock impatient = new SharedDataResourceLock(vertx, Duration.ofMillis(100));
    Promise<String> release = Promise.promise();
    Promise<Void> acquired = Promise.promise();
    Future<String> holder = lock.withLock(resource, () -> {
      acquired.complete();
      return release.future();
    });
    acquired.future()
        .compose(v -> failureOf(impatient.withLock(resource, () -> Future.succeededFuture("never"))))
        .compose(err -> {
          ctx.verify(() -> {
            assertThat(err).isInstanceOf(ResourceBusyException.class).hasMessageContaining("busy");
            assertThat(holder.isComplete()).isFalse();
          });
          release.complete("held");
          return holder;
        })
        .compose(held -> impatient.withLock(resource, () -> Future.succeededFuture(held + " then free")))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result).isEqualTo("held then free");
          ctx.completeNow();
        })));
  }
}
