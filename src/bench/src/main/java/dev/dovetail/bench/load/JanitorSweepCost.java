package dev.dovetail.bench.load;

import dev.dovetail.booking.app.ScheduleJanitor;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.port.out.BookingEvents;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one sweep of the schedule janitor costs on the embedded store on disk as resources and their bookings grow
 * (issue 17, ADR 82). Every node sweeps every minute. Seeds {@code resources} resources with {@code bookings}
 * confirmed future bookings each (schedule blocks and booking documents that agree, placed more than the janitor's
 * grace ago, so there is nothing to repair), then times {@code sweeps} sweeps, one at a time, through the hub's
 * repositories and the real driver. With {@code active} &gt; 0, that many resources take one more booking before
 * each sweep, as a busy hub's would.
 *
 * <p>Run: {@code java -cp "$CP" dev.dovetail.bench.load.JanitorSweepCost [resources] [bookings] [sweeps] [active]},
 * default 2000, 20, 5 and 0. It uses only public APIs that exist before ADR 82 too, so it compiles against an older
 * jar for the "before" side (docs/benchmarks.md).
 */
public final class JanitorSweepCost {

  private static final int SEED_BATCH = 200;

  private JanitorSweepCost() {}

  public static void main(String[] args) throws Exception {
    int resources = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int sweeps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int active = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Path dir = Files.createTempDirectory("dovetail-bench-janitor");
    Vertx vertx = Vertx.vertx();
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync).await();
      Instant seeded = Instant.now();
      Instant firstDay = seeded.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
      for (int from = 0; from < resources; from += SEED_BATCH) {
        List<Future<?>> batch = new ArrayList<>();
        for (int r = from; r < Math.min(resources, from + SEED_BATCH); r++) {
          List<Booking> made = new ArrayList<>();
          for (int b = 0; b < bookings; b++) {
            made.add(booking(r, b, firstDay.plus(Duration.ofDays(b)).plus(Duration.ofHours(8 + r % 8)), seeded));
          }
          batch.add(book(store, r, made, seeded));
        }
        Future.all(batch).await();
      }
      // The janitor runs ten minutes on, so every seeded block is past its grace.
      ScheduleJanitor janitor = new ScheduleJanitor(store.schedules(), store.bookings(), BookingEvents.none(),
          Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofMinutes(10)));
      for (int sweep = 1; sweep <= sweeps; sweep++) {
        for (int r = 0; r < active; r++) {
          Instant at = Instant.now();
          Booking extra = booking(r, bookings + sweep, firstDay.plus(Duration.ofDays(bookings + sweep))
              .plus(Duration.ofHours(8 + r % 8)), at);
          book(store, r, List.of(extra), at).await();
        }
        long started = System.nanoTime();
        ScheduleJanitor.Report report = janitor.sweep().await();
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.printf("sweep %d: %d resources, %d bookings each, %d active: %.1f ms (%s)%n", sweep, resources,
            bookings, active, millis, report);
      }
      store.close().await();
    } finally {
      vertx.close().await();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Booking booking(int resource, int index, Instant start, Instant at) {
    TimeRange time = TimeRange.of(start, Duration.ofHours(1));
    return new Booking("bk-" + resource + "-" + index, "provider-" + resource, "room-" + resource, "type-" + resource,
        time, ZoneOffset.UTC, "Customer " + index, "c" + index + "@example.com", BookingStatus.CONFIRMED, null, null,
        1, at, at);
  }

  /** The blocks first, then the documents, as a booking writes them. */
  private static Future<Void> book(MongoStore store, int resource, List<Booking> made, Instant at) {
    List<Block> blocks = made.stream().map(b -> new Block(b.id(), Block.Kind.BOOKING, b.bookingTypeId(), b.time(),
        b.time(), null, at)).toList();
    return store.schedules().update("room-" + resource, s -> s.place(blocks, at))
        .compose(s -> store.bookings().insertAll(made));
  }
}
