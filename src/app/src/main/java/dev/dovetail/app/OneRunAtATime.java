package dev.dovetail.app;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of one periodic job on this node, one at a time: a timer tick that finds the last run unfinished is
 * skipped and counted. A sweep that outgrows its period (a slow store, many tenants) then runs back to back instead
 * of piling up runs that each read the same documents. A run unfinished after ten periods (at least a minute) is
 * presumed lost, a future that will never complete, and the next tick starts another with a warning, so one lost
 * future cannot stop the job for good. The dispatchers keep the same rule in their own class.
 */
final class OneRunAtATime {

  private static final Logger LOG = LoggerFactory.getLogger(OneRunAtATime.class);
  private static final Duration LEAST_PATIENCE = Duration.ofMinutes(1);

  private final String job;
  private final long patienceNanos;
  private final LongSupplier nanoTime;
  private long run;
  private long running;
  private long startedNanos;
  private long skipped;

  OneRunAtATime(String job, Duration period) {
    this(job, period, System::nanoTime);
  }

  OneRunAtATime(String job, Duration period, LongSupplier nanoTime) {
    this.job = job;
    Duration tenPeriods = period.multipliedBy(10);
    this.patienceNanos = (tenPeriods.compareTo(LEAST_PATIENCE) < 0 ? LEAST_PATIENCE : tenPeriods).toNanos();
    this.nanoTime = nanoTime;
  }

  /** Starts {@code job} unless the last run is still going; its failure is logged with the job's name. */
  void tick(Supplier<Future<?>> work) {
    long mine;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (running != 0 && now - startedNanos < patienceNanos) {
        skipped++;
        LOG.debug("{}: the last run is still going; this tick is skipped", job);
        return;
      }
      if (running != 0) {
        LOG.warn("{}: the last run has not finished after {} s; starting another", job, (now - startedNanos) / 1e9);
      }
      mine = ++run;
      running = mine;
      startedNanos = now;
    }
    Future<?> done;
    try {
      done = work.get();
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(finished -> {
      synchronized (this) {
        if (running == mine) {
          running = 0;
        }
      }
      if (finished.failed()) {
        LOG.warn("{} failed: {}", job, finished.cause().getMessage());
      }
    });
  }

  /** Ticks skipped because the last run was still going. */
  synchronized long skipped() {
    return skipped;
  }
}
