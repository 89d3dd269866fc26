package dev.dovetail.bench.load;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.management.OperatingSystemMXBean;
import dev.dovetail.bench.BenchHub;
import dev.dovetail.bench.DriverCommandLog;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists every command the hub sends to its store for one booking on the public path, and for the dispatcher's work
 * that follows it (issue 17, ADR 71): the MongoDB driver's own command log (logger
 * {@code org.mongodb.driver.protocol.command}, which the driver feeds from the same events a {@code CommandListener}
 * sees) is caught in memory from just before the request until {@code settle} seconds after its answer. The durability
 * waits are not commands: they are the embedded store's durability requests over the same spans
 * ({@code Hub.storeCommitFigures}).
 *
 * <p>Run: {@code java -cp "$CP" dev.dovetail.bench.load.BookingRoundTrips [bookings] [settleSeconds] [burst]}, default
 * 3, 3 and 0; the first booking warms the node's caches and is not listed. With a burst of N, N more bookings are then
 * sent 32 at a time, and the commands counted from the first request until {@code settle} seconds after the last
 * answer are printed per booking: under load, the dispatcher's polls and claims are shared by several bookings.
 */
public final class BookingRoundTrips {

  private static final Pattern STARTED = Pattern.compile("Command \"(\\w+)\" started.*?Command: \\{\"\\w+\": \"?([\\w.$]+)");
  private static final ZoneId ZONE = ZoneId.of("UTC");

  private BookingRoundTrips() {}

  public static void main(String[] args) throws Exception {
    int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int settle = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (BenchHub bench = BenchHub.start()) {
      Rooms.seed(bench.store(), "Trips", ZONE, Rooms.open(List.of(DayOfWeek.values()), "00:00", "00:00"), "trips",
          List.of("one"), (type, room) -> new BookingType(type, "demo", room, "15 minutes",
              List.of(Duration.ofMinutes(15)), Duration.ofMinutes(15), Duration.ZERO, Duration.ZERO, Duration.ZERO,
              Duration.ofDays(365), 0, 0, Money.zero("EUR"), PaymentRequirement.NONE, List.of(),
              Duration.ofMinutes(10))).await();
      WebClient client = bench.client(1);
      Instant base = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
      Commands commands = Commands.attach();
      for (int i = 0; i < bookings; i++) {
        commands.clear();
        long[] start = bench.hub().storeCommitFigures();
        int status = client.post("/api/v1/public/booking-types/trips-type-one/bookings")
            .sendJsonObject(new JsonObject().put("start", base.plus(Duration.ofMinutes(15L * i)).toString())
                .put("timeZone", "Europe/Berlin").put("name", "Trips").put("email", "trips@example.com"))
            .await().statusCode();
        List<String> request = commands.taken();
        long[] answered = bench.hub().storeCommitFigures();
        Thread.sleep(settle * 1000L);
        List<String> after = commands.taken();
        long[] settled = bench.hub().storeCommitFigures();
        if (i == 0) {
          continue;
        }
        System.out.printf("booking %d: %d, %d commands and %d durability waits (%d commits) before the answer%n", i,
            status, request.size(), answered[0] - start[0], answered[1] - start[1]);
        request.forEach(c -> System.out.println("  " + c));
        System.out.printf("  then %d commands and %d durability waits within %d s after it:%n",
            after.size() - request.size(), settled[0] - answered[0], settle);
        after.subList(request.size(), after.size()).forEach(c -> System.out.println("  " + c));
        System.out.println("  by command and collection: " + tally(after));
      }
      int burst = args.length > 2 ? Integer.parseInt(args[2]) : 0;
      if (burst > 0) {
        burst(bench, commands, base.plus(Duration.ofDays(1)), burst, settle);
      }
    }
  }

  /** {@code count} bookings, 32 in flight; the commands of the whole burst and its settling, per booking. */
  private static void burst(BenchHub bench, Commands commands, Instant base, int count, int settle) throws Exception {
    WebClient client = bench.client(32);
    commands.clear();
    long[] start = bench.hub().storeCommitFigures();
    long cpuStart = processCpuNanos();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < 32; lane++) {
      lanes.add(bookUntil(client, base, next, count, created));
    }
    Future.join(lanes).await();
    Thread.sleep(settle * 1000L);
    List<String> all = commands.taken();
    long[] settled = bench.hub().storeCommitFigures();
    double cpuMs = (processCpuNanos() - cpuStart) / 1e6;
    System.out.printf("burst of %d bookings (%d created), 32 in flight: %d commands (%.1f per booking), %d durability"
        + " waits (%d commits), process CPU %.2f ms per booking (hub, store and driver; command log included), until"
        + " %d s after the last answer%n", count, created.get(), all.size(), all.size() / (double) count,
        settled[0] - start[0], settled[1] - start[1], cpuMs / count, settle);
    tally(all).forEach((command, n) -> System.out.printf("  %-32s %6d  %5.2f per booking%n", command, n,
        n / (double) count));
  }

  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Future<Void> bookUntil(WebClient client, Instant base, AtomicInteger next, int count,
      AtomicInteger created) {
    int i = next.getAndIncrement();
    if (i >= count) {
      return Future.succeededFuture();
    }
    return client.post("/api/v1/public/booking-types/trips-type-one/bookings")
        .sendJsonObject(new JsonObject().put("start", base.plus(Duration.ofMinutes(15L * i)).toString())
            .put("timeZone", "Europe/Berlin").put("name", "Trips").put("email", "trips@example.com"))
        .compose(response -> {
          if (response.statusCode() == 201) {
            created.incrementAndGet();
          }
          return bookUntil(client, base, next, count, created);
        });
  }

  private static Map<String, Integer> tally(List<String> commands) {
    Map<String, Integer> counts = new TreeMap<>();
    commands.forEach(c -> counts.merge(c, 1, Integer::sum));
    return counts;
  }

  /** The driver's "command started" log lines, as "command collection", in order. */
  private static final class Commands extends AppenderBase<ILoggingEvent> {

    private final List<String> seen = new ArrayList<>();

    static Commands attach() {
      return DriverCommandLog.attach(new Commands());
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
      Matcher m = STARTED.matcher(event.getFormattedMessage());
      if (m.find()) {
        seen.add(m.group(1) + " " + m.group(2));
      }
    }

    synchronized void clear() {
      seen.clear();
    }

    synchronized List<String> taken() {
      return List.copyOf(seen);
    }
  }
}
