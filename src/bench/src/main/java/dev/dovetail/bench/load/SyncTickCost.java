package dev.dovetail.bench.load;

import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.infra.lock.SharedDataResourceLock;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncEngine;
import dev.dovetail.sync.app.SyncScheduler;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.port.out.SyncNotices;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one tick of the calendar-sync scheduler costs on the embedded store on disk as connected calendars grow (issue
 * 17, ADR 81). Every node ticks every second. Seeds {@code tenants} Google connections with one synced calendar each,
 * none due a sync, each with a live push channel, then times {@code ticks} ticks of a scheduler with a push callback
 * (so each tick also looks for channels to renew), one at a time, through the hub's repositories and the real driver.
 *
 * <p>With {@code broken} &gt; 0, that many of the connections are broken and their calendars' channels have lapsed (a
 * channel the tick cannot open, ADR 81's deferral).
 *
 * <p>Run: {@code java -cp "$CP" dev.dovetail.bench.load.SyncTickCost [tenants] [ticks] [broken]}, default 10000, 200
 * and 0. It
 * uses only public APIs that exist before ADR 81 too (no {@code BenchHub}), so it compiles against an older jar for the
 * "before" side (docs/benchmarks.md).
 */
public final class SyncTickCost {

  private SyncTickCost() {}

  public static void main(String[] args) throws Exception {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int broken = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Path dir = Files.createTempDirectory("dovetail-bench-tick");
    Vertx vertx = Vertx.vertx();
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync).await();
      Instant now = Instant.parse("2026-01-05T09:00:00Z");
      Clock clock = Clock.fixed(now, ZoneOffset.UTC);
      for (int from = 0; from < tenants; from += 500) {
        List<Future<Void>> batch = new ArrayList<>();
        for (int i = from; i < Math.min(tenants, from + 500); i++) {
          Connection c = Connection.granted("tenant-" + i, CalendarProvider.GOOGLE, "t" + i + "@example.com",
              "v1.sealed", now).choosing(Map.of("primary", Set.of("room-" + i)), "primary",
              UnreachablePolicy.REFUSE, now);
          boolean lapsed = i < broken;
          batch.add(store.sync().connections().save(lapsed ? c.broken("invalid_grant", now) : c));
          batch.add(store.sync().states().save(SyncState.initial(c.id(), "primary", now)
              .synced("token", now, now.plus(Duration.ofMinutes(5)))
              .withChannel(new PushChannel("ch-" + i, "res-" + i, "hash",
                  lapsed ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(7))))));
        }
        Future.all(batch).await();
      }
      SyncContext ctx = new SyncContext(Map.of(), store.sync().connections(), store.sync().states(),
          store.sync().mirrors(), store.sync().conflicts(), store.resources(), store.schedules(),
          new SharedDataResourceLock(vertx, Duration.ofSeconds(5)), SyncNotices.none(),
          new TokenCipher(new byte[32]), Backoff.DEFAULT, clock, () -> 0.5);
      SyncScheduler scheduler = new SyncScheduler(ctx,
          new SyncEngine(ctx, FreedTime.none(), BusyPolicy.DEFAULT, Duration.ofMinutes(5)), vertx,
          new SyncScheduler.Settings("https://hub.example", Duration.ofDays(7), Duration.ofHours(1),
              Duration.ofMillis(1500)));
      for (int round = 1; round <= 2; round++) {
        long started = System.nanoTime();
        for (int i = 0; i < ticks; i++) {
          scheduler.tick().await();
        }
        double millis = (System.nanoTime() - started) / 1e6 / ticks;
        System.out.printf("round %d: %d connected calendars (%d broken), %d ticks, %.2f ms per tick%n", round,
            tenants, broken, ticks, millis);
      }
      store.close().await();
    } finally {
      vertx.close().await();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }
}
