package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A periodic job's runs on one node do not overlap: ticks during a run are skipped, a failed run frees the job, and a
 * run that never finishes is given up after ten periods. Time is a counter the test moves.
 */
class OneRunAtATimeTest {

  private final AtomicLong nanos = new AtomicLong();
  private final OneRunAtATime runs = new OneRunAtATime("test sweep", Duration.ofSeconds(30), nanos::get);
  private final AtomicInteger started = new AtomicInteger();

  private Supplier<Future<?>> counted(Future<?> outcome) {
    return () -> {
      started.incrementAndGet();
      return outcome;
    };
  }

  @Test
  @DisplayName("ticks while a run is unfinished are skipped and counted; the next tick after it runs again")
  void ticksDuringARunAreSkipped() {
    Promise<Void> first = Promise.promise();
    runs.tick(counted(first.future()));
    for (int i = 0; i < 5; i++) {
      nanos.addAndGet(Duration.ofSeconds(30).toNanos());
      runs.tick(counted(Future.succeededFuture()));
    }
    assertThat(started).hasValue(1);
    assertThat(runs.skipped()).isEqualTo(5);

    first.complete();
    runs.tick(counted(Future.succeededFuture()));
    assertThat(started).hasValue(2);
  }

  @Test
  @DisplayName("a run that fails, or throws before giving its future, does not keep the job from running again")
  void failuresReleaseTheJob() {
    runs.tick(counted(Future.failedFuture(new IllegalStateException("store closed"))));
    runs.tick(() -> {
      throw new IllegalStateException("thrown before any future");
    });
    runs.tick(counted(Future.succeededFuture()));
    assertThat(started).hasValue(2);
    assertThat(runs.skipped()).isZero();
  }

  @Test
  @DisplayName("a run unfinished after ten periods is given up: the next tick starts another, and the lost run's late"
      + " end does not free the new one")
  void aLostRunIsGivenUp() {
    Promise<Void> lost = Promise.promise();
    runs.tick(counted(lost.future()));
    nanos.addAndGet(Duration.ofMinutes(5).minusNanos(1).toNanos());
    runs.tick(counted(Future.succeededFuture()));
    assertThat(started).as("within ten periods: still waiting").hasValue(1);

    nanos.addAndGet(1);
    Promise<Void> next = Promise.promise();
    runs.tick(counted(next.future()));
    assertThat(started).as("after ten periods: another run").hasValue(2);

    lost.complete();
    runs.tick(counted(Future.succeededFuture()));
    assertThat(started).as("the new run is still going").hasValue(2);
  }
}
