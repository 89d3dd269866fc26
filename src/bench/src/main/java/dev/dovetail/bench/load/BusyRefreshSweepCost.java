package dev.dovetail.bench.load;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.caldav.backend.IcalObjectTimes;
import dev.dovetail.calendar.app.BusyTimeRefreshService;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.infra.lock.SharedDataResourceLock;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one hourly busy-time refresh sweep costs on the embedded store on disk as calendars grow (issue 17, ADR 83).
 * Seeds {@code calendars} resources, each with a schedule and a CalDAV calendar of {@code objects} single events, of
 * which the first {@code recurring} calendars also hold one weekly series, then times {@code sweeps} sweeps, one at a
 * time, through the hub's repositories and the real driver.
 *
 * <p>Run: {@code java -cp "$CP" dev.dovetail.bench.load.BusyRefreshSweepCost [calendars] [objects] [sweeps]
 * [recurring]}, default 2000, 50, 3 and 0. It uses only public APIs that exist before ADR 83 too, so it compiles
 * against an older jar for the "before" side (docs/benchmarks.md).
 */
public final class BusyRefreshSweepCost {

  private static final int SEED_BATCH = 100;
  private static final long SETTLE_MILLIS = 15_000;
  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  private BusyRefreshSweepCost() {}

  public static void main(String[] args) throws Exception {
    int calendars = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int objects = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int sweeps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int recurring = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Path dir = Files.createTempDirectory("dovetail-bench-busy");
    Vertx vertx = Vertx.vertx();
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync).await();
      for (int from = 0; from < calendars; from += SEED_BATCH) {
        List<Future<?>> batch = new ArrayList<>();
        for (int r = from; r < Math.min(calendars, from + SEED_BATCH); r++) {
          batch.add(seed(store, r, objects, r < recurring));
        }
        Future.all(batch).await();
      }
      // The seeding's objects are filed into their part documents in the background (ADR 47): let that finish.
      Thread.sleep(SETTLE_MILLIS);
      BusyTimeRefreshService refresh = new BusyTimeRefreshService(store.resources(), store.schedules(),
          new SharedDataResourceLock(vertx, Duration.ofSeconds(30)), store.calendars(), new IcalObjectTimes(),
          Clock.fixed(NOW, ZoneOffset.UTC), (id, err) -> { }, (id, clashes) -> { });
      for (int sweep = 1; sweep <= sweeps; sweep++) {
        long started = System.nanoTime();
        int clashes = refresh.sweep().await();
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.printf("sweep %d: %d calendars, %d events each, %d recurring: %.1f ms (%d clashes)%n", sweep,
            calendars, objects, recurring, millis, clashes);
      }
      store.close().await();
    } finally {
      vertx.close().await();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A resource, its calendar and a schedule (one busy block, as a PUT places). */
  private static Future<?> seed(MongoStore store, int r, int objects, boolean withSeries) {
    String id = "room-" + r;
    TimeRange busy = TimeRange.of(NOW.plus(Duration.ofDays(1)), Duration.ofHours(1));
    Block block = new Block("busy-" + r, Block.Kind.BUSY, null, busy, busy, null, NOW);
    return store.resources().insert(new Resource(id, "acme", "Room " + r, ZoneOffset.UTC, true,
            AvailabilityRule.weekdays(WallClockWindow.of("09:00", "17:00"), List.of())))
        .compose(v -> store.schedules().update(id, s -> s.place(List.of(block), NOW)))
        .compose(s -> store.calendars().update(id, c -> fill(c, r, objects, withSeries)));
  }

  private static CalendarCollection fill(CalendarCollection calendar, int r, int objects, boolean withSeries) {
    CalendarCollection filled = calendar;
    for (int i = 0; i < objects; i++) {
      filled = filled.put(event("e" + r + "-" + i, "2026" + String.format("%02d", 2 + i % 10) + "1" + (i % 9)
          + "T09" + String.format("%02d", i % 60) + "00Z", ""));
    }
    return withSeries ? filled.put(event("weekly-" + r, "20260106T070000Z", "RRULE:FREQ=WEEKLY\r\n")) : filled;
  }

  private static CalendarObject event(String uid, String start, String rule) {
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\n"
        + "DTSTAMP:20260101T000000Z\r\nDTSTART:" + start + "\r\nDURATION:PT1H\r\n" + rule
        + "SUMMARY:Event\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    return CalendarObject.of(uid + ".ics", uid, ics, false);
  }
}
