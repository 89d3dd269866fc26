package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A periodic job's runs on one node never overlap: ticks during a run are skipped, and a failed run frees the job. */
class OneRunAtATimeTest {

  private final OneRunAtATime runs = new OneRunAtATime("test sweep");
  private final AtomicInteger started = new AtomicInteger();

  @Test
  @DisplayName("ticks while a run is unfinished are skipped and counted; the next tick after it runs again")
  void ticksDuringARunAreSkipped() {
    Promise<Void> first = Promise.promise();
    runs.tick(() -> {
      started.incrementAndGet();
      return first.future();
    });
    for (int i = 0; i < 5; i++) {
      runs.tick(() -> {
        started.incrementAndGet();
        return Future.succeededFuture();
      });
    }
    assertThat(started).hasValue(1);
    assertThat(runs.skipped()).isEqualTo(5);

    first.complete();
    runs.tick(() -> {
      started.incrementAndGet();
      return Future.succeededFuture();
    });
    assertThat(started).hasValue(2);
  }

  @Test
  @DisplayName("a run that fails, or throws before giving its future, does not keep the job from running again")
  void failuresReleaseTheJob() {
    runs.tick(() -> Future.failedFuture(new IllegalStateException("store closed")));
    runs.tick(() -> {
      throw new IllegalStateException("thrown before any future");
    });
    runs.tick(() -> {
      started.incrementAndGet();
      return Future.succeededFuture();
    });
    assertThat(started).hasValue(1);
    assertThat(runs.skipped()).isZero();
  }
}
