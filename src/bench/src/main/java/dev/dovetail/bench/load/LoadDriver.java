package dev.dovetail.bench.load;

import com.sun.management.OperatingSystemMXBean;
import dev.dovetail.bench.BenchHub;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.infra.mongo.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * HTTP load driver: starts a real hub in this JVM on the embedded on-disk store (durable commits included), seeds
 * resources open around the clock, then measures booking throughput and latency over loopback.
 *
 * <ul>
 *   <li><b>uncontended</b>: every request books a different slot, spread over {@code RESOURCES} resources;
 *   <li><b>contended</b>: every request races for one of 4 slots on a single resource (almost all answers are 409);
 *   <li><b>hot resource</b>: {@value #HOT_CLIENTS} customers at once book distinct slots of one resource (every answer
 *       201; the resource's schedule grows by one booking per request);
 *   <li><b>slots</b>: free-slot queries for a week, from {@value #HOT_CLIENTS} clients.
 * </ul>
 *
 * <p>Each phase prints its throughput, latencies, statuses and the process's CPU time during it.
 *
 * <p>Run: see docs/benchmarks.md. Arguments: {@code [requests] [concurrency]}, default 2000 and 32. With
 * {@code -Ddovetail.bench.history=N}, after the warm-up the bookings and finished outbox messages are copied until
 * each collection holds N documents ({@link History}), as on a hub that has run for months.
 */
public final class LoadDriver {

  /** The system property that gives the store a long history before the measured phases ({@link History}). */
  static final String HISTORY_PROPERTY = "dovetail.bench.history";
  private static final int RESOURCES = 20;
  private static final int HOT_CLIENTS = 16;
  private static final ZoneId ZONE = ZoneId.of("UTC");

  private LoadDriver() {}

  public static void main(String[] args) throws IOException {
    LoadArgs load = LoadArgs.parse(args, 2000, List.of(32));
    int requests = load.requests();
    int concurrency = load.clients().get(0);
    int metricsPort = BenchHub.freePort();
    try (BenchHub bench = BenchHub.startWithMetrics(metricsPort)) {
      Vertx vertx = bench.vertx();
      seed(bench.store()).await();
      WebClient client = bench.client(concurrency);
      Instant base = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
      System.out.printf("requests=%d concurrency=%d cores=%d%n", requests, concurrency,
          Runtime.getRuntime().availableProcessors());
      run(vertx, "warm-up", Math.min(500, requests), concurrency,
          i -> book(client, "load-type-" + (i % RESOURCES), base.plus(200, ChronoUnit.DAYS).plus(
              Duration.ofMinutes(15L * (i / RESOURCES)))));
      int history = Integer.getInteger(HISTORY_PROPERTY, 0);
      if (history > 0) {
        History.grow(vertx, bench.storeUri(), history);
      }
      LockHistogram locks = new LockHistogram(client, metricsPort);
      Map<String, Double> before = locks.read();
      run(vertx, "uncontended booking", requests, concurrency,
          i -> book(client, "load-type-" + (i % RESOURCES), base.plus(Duration.ofMinutes(15L * (i / RESOURCES)))));
      Map<String, Double> after = locks.read();
      LockHistogram.print("uncontended", before, after);
      run(vertx, "contended booking", requests, concurrency,
          i -> book(client, "load-type-contended", base.plus(Duration.ofMinutes(15L * (i % 4)))));
      before = locks.read();
      LockHistogram.print("contended", after, before);
      run(vertx, "hot resource", requests, HOT_CLIENTS,
          i -> book(client, "load-type-hot", base.plus(Duration.ofMinutes(15L * i))));
      LockHistogram.print("hot resource", before, locks.read());
      run(vertx, "free slots (7 days)", requests, HOT_CLIENTS, i -> client
          .get("/api/v1/public/booking-types/load-type-" + (i % RESOURCES) + "/slots")
          .addQueryParam("from", base.atZone(ZONE).toLocalDate().toString())
          .addQueryParam("to", base.atZone(ZONE).toLocalDate().plusDays(7).toString())
          .addQueryParam("tz", "Europe/Berlin")
          .send().map(r -> r.statusCode()));
    }
  }

  /** This JVM's CPU time so far (hub, driver, store): a phase's own CPU, apart from seeding and warm-up. */
  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Future<Integer> book(WebClient client, String type, Instant start) {
    return client.post("/api/v1/public/booking-types/" + type + "/bookings")
        .sendJsonObject(new JsonObject().put("start", start.toString()).put("timeZone", "Europe/Berlin")
            .put("name", "Load").put("email", "load@example.com"))
        .map(r -> r.statusCode());
  }

  /** Keeps {@code concurrency} requests in flight until {@code total} are done; prints throughput and latencies. */
  public static void run(Vertx vertx, String name, int total, int concurrency, IntFunction<Future<Integer>> call) {
    long[] latencies = new long[total];
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Promise<Void> finished = Promise.promise();
    long began = System.nanoTime();
    long cpuBefore = processCpuNanos();
    Runnable[] launch = new Runnable[1];
    launch[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= total) {
        return;
      }
      long t0 = System.nanoTime();
      call.apply(i).onComplete(ar -> {
        latencies[i] = System.nanoTime() - t0;
        statuses.computeIfAbsent(ar.succeeded() ? ar.result() : -1, k -> new AtomicInteger()).incrementAndGet();
        if (done.incrementAndGet() == total) {
          finished.complete();
        } else {
          launch[0].run();
        }
      });
    };
    vertx.runOnContext(v -> {
      for (int c = 0; c < Math.min(concurrency, total); c++) {
        launch[0].run();
      }
    });
    finished.future().await();
    double seconds = (System.nanoTime() - began) / 1e9;
    Arrays.sort(latencies);
    double cpu = (processCpuNanos() - cpuBefore) / 1e9;
    System.out.printf("%-22s %6d req in %6.2f s = %7.1f req/s   p50 %6.2f ms   p99 %6.2f ms   statuses %s   "
        + "cpu %.1f s%n", name, total, seconds, total / seconds, latencies[total / 2] / 1e6,
        latencies[(int) (total * 0.99)] / 1e6, statuses, cpu);
  }

  /** Rooms open around the clock: {@value #RESOURCES} numbered ones, then "contended" and "hot". */
  private static Future<Void> seed(MongoStore store) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      names.add(Integer.toString(i));
    }
    names.addAll(List.of("contended", "hot"));
    return Rooms.seed(store, "Load", ZONE, Rooms.open(List.of(DayOfWeek.values()), "00:00", "00:00"), "load", names,
        (type, room) -> new BookingType(type, "demo", room, "15 minutes", List.of(Duration.ofMinutes(15)),
            Duration.ofMinutes(15), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 0, 0,
            Money.zero("EUR"), PaymentRequirement.NONE, List.of(), Duration.ofMinutes(10)));
  }
}
