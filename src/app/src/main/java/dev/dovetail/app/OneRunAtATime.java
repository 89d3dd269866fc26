package dev.dovetail.app;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of one periodic job on this node, one at a time: a timer tick that finds the last run unfinished is
 * skipped and counted. A sweep that outgrows its period (a slow store, many tenants) then runs back to back instead
 * of piling up runs that each read the same documents. The dispatchers keep the same rule in their own class.
 */
final class OneRunAtATime {

  private static final Logger LOG = LoggerFactory.getLogger(OneRunAtATime.class);

  private final String job;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong skipped = new AtomicLong();

  OneRunAtATime(String job) {
    this.job = job;
  }

  /** Starts {@code run} unless the last run is still going; its failure is logged with the job's name. */
  void tick(Supplier<Future<?>> run) {
    if (!running.compareAndSet(false, true)) {
      skipped.incrementAndGet();
      LOG.debug("{}: the last run is still going; this tick is skipped", job);
      return;
    }
    Future<?> done;
    try {
      done = run.get();
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(finished -> {
      running.set(false);
      if (finished.failed()) {
        LOG.warn("{} failed: {}", job, finished.cause().getMessage());
      }
    });
  }

  /** Ticks skipped because the last run was still going. */
  long skipped() {
    return skipped.get();
  }
}
