package dev.dovetail.app;

import dev.dovetail.calendar.port.in.ReadCalendar;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the hub listens, loads its most written CalDAV calendars and builds their time indexes in the background, so
 * the first query after a restart finds them ready instead of loading and indexing a large calendar in the request
 * (issue 17, ADR 59). One worker thread at a time; a failure is logged and costs only the head start.
 */
final class CalendarWarmUp {

  /** How many calendars a node loads ahead; the node's calendar cache holds 256. */
  static final int CALENDARS = 64;

  private static final Logger LOG = LoggerFactory.getLogger(CalendarWarmUp.class);

  private CalendarWarmUp() {}

  /** Starts the warm-up; the future tells how many calendars are ready. */
  static Future<Integer> start(Vertx vertx, ReadCalendar reads) {
    long started = System.nanoTime();
    return reads.warm(CALENDARS)
        .compose(calendars -> vertx.executeBlocking(() -> {
          calendars.forEach(reads::index);
          return calendars.size();
        }, false))
        .onSuccess(n -> LOG.info("calendar warm-up: {} calendars loaded and indexed in {} ms", n,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)))
        .onFailure(err -> LOG.warn("calendar warm-up failed: {}", err.getMessage()));
  }
}
