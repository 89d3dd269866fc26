package dev.dovetail.app;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.RequestBudget;
import dev.dovetail.calendar.domain.ResourceCalendar;
import dev.dovetail.calendar.port.in.ReadCalendar;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the hub listens, loads its most written CalDAV calendars and builds their time indexes in the background, so
 * the first query after a restart finds them ready instead of loading and indexing a large calendar in the request
 * (issue 17, ADR 59); a query that comes first waits for the warm-up's build of its calendar instead of building
 * its own (ADR 70). One worker thread at a time; a failure is logged and costs only the head start.
 */
final class CalendarWarmUp {

  /** How many calendars a node loads ahead; the node's calendar cache holds 256. */
  static final int CALENDARS = 64;

  private static final Logger LOG = LoggerFactory.getLogger(CalendarWarmUp.class);

  private CalendarWarmUp() {}

  /** Starts the warm-up; the future tells how many calendars are ready (loaded and indexed). */
  static Future<Integer> start(Vertx vertx, ReadCalendar reads) {
    long started = System.nanoTime();
    return reads.warm(CALENDARS)
        .compose(calendars -> vertx.executeBlocking(() -> {
          int indexed = 0;
          for (ResourceCalendar calendar : calendars) {
            indexed += indexed(reads, calendar) ? 1 : 0;
          }
          return indexed;
        }, false))
        .onSuccess(n -> LOG.info("calendar warm-up: {} calendars loaded and indexed in {} ms", n,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)))
        .onFailure(err -> LOG.warn("calendar warm-up failed: {}", err.getMessage()));
  }

  /**
   * Builds one calendar's time index under the same bound as a build a query starts (ADR 70): a calendar over it is
   * left to its readers, who are refused as they would be without the warm-up, and the warm-up goes on.
   */
  private static boolean indexed(ReadCalendar reads, ResourceCalendar calendar) {
    try {
      reads.index(calendar, RequestBudget.forIndexBuild()::check);
      return true;
    } catch (DavException overBound) {
      LOG.warn("calendar warm-up: {} not indexed: {}", calendar.resource().id(), overBound.getMessage());
      return false;
    }
  }
}
