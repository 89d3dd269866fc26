package dev.dovetail.bench.load;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.app.AppConfig;
import dev.dovetail.app.Hub;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Slot-query load (issue 17): starts a real hub in this JVM on the embedded on-disk store, seeds {@value #RESOURCES}
 * resources open on weekdays 09:00-17:00 (Europe/Berlin) with a 30-minute type each and {@value #BOOKINGS_PER_RESOURCE}
 * booked half-hours per resource over the next three weeks (written to the schedules directly, so no notification
 * work runs beside the queries), then asks the public slots route from 1 and from 16 clients:
 *
 * <ul>
 *   <li><b>week</b>: the free slots of 7 days, round-robin over the resources;
 *   <li><b>month states</b>: the 35 days' states of the month view without slots ({@code slots=false}, ADR 55).
 * </ul>
 *
 * <p>Run: see docs/benchmarks.md. Arguments: {@code [requests] [clients ...]}, default 4000 and 1 16.
 */
public final class SlotLoadDriver {

  private static final int RESOURCES = 20;
  private static final int BOOKINGS_PER_RESOURCE = 40;
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private SlotLoadDriver() {}

  public static void main(String[] args) throws IOException {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    List<Integer> clients = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      clients.add(Integer.parseInt(args[i]));
    }
    if (clients.isEmpty()) {
      clients.addAll(List.of(1, 16));
    }
    System.setProperty("hazelcast.logging.type", "slf4j");
    Path data = Files.createTempDirectory("dovetail-slot-load");
    int mongoPort = freePort();
    AppConfig config = AppConfig.defaults()
        .withHttp(new AppConfig.Http("127.0.0.1", freePort(), "http://127.0.0.1", Integer.MAX_VALUE, 65536))
        .withStore(new AppConfig.Store(data, null, "dovetail", mongoPort))
        .withDemo(new AppConfig.Demo(false, null))
        .withSecurity(new AppConfig.Security(false, 4, null, List.of(), SignUpMode.OPEN, false));
    Hub hub = Hub.start(config).await();
    Vertx vertx = Vertx.vertx();
    try {
      MongoStore store = MongoStore.connect(vertx, "mongodb://127.0.0.1:" + mongoPort, "dovetail", MongoStore.NO_COMMIT)
          .await();
      seed(store).await();
      WebClient client = WebClient.create(vertx,
          new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(hub.httpPort()),
          new PoolOptions().setHttp1MaxSize(clients.stream().mapToInt(Integer::intValue).max().orElse(1)));
      LocalDate monday = LocalDate.now(ZONE).plusWeeks(1).with(DayOfWeek.MONDAY);
      seedBookings(store, monday).await();
      System.out.printf("requests=%d clients=%s cores=%d%n", requests, clients,
          Runtime.getRuntime().availableProcessors());
      LoadDriver.run(vertx, "warm-up", requests, 16, i -> week(client, i, monday));
      for (int c : clients) {
        LoadDriver.run(vertx, "week, " + c + " clients", requests, c, i -> week(client, i, monday));
        LoadDriver.run(vertx, "month states, " + c, requests, c, i -> monthStates(client, i, monday));
      }
      store.close().await();
    } finally {
      vertx.close().await();
      hub.stop();
    }
  }

  private static Future<Integer> week(WebClient client, int i, LocalDate monday) {
    return client.get("/api/v1/public/booking-types/slot-type-" + (i % RESOURCES) + "/slots")
        .addQueryParam("from", monday.toString())
        .addQueryParam("to", monday.plusDays(7).toString())
        .addQueryParam("tz", ZONE.getId())
        .send().map(r -> r.statusCode());
  }

  private static Future<Integer> monthStates(WebClient client, int i, LocalDate monday) {
    return client.get("/api/v1/public/booking-types/slot-type-" + (i % RESOURCES) + "/slots")
        .addQueryParam("from", monday.minusDays(7).toString())
        .addQueryParam("to", monday.plusDays(28).toString())
        .addQueryParam("tz", ZONE.getId())
        .addQueryParam("slots", "false")
        .send().map(r -> r.statusCode());
  }

  /** Booked half-hours on every resource, from next Monday on: weekdays, three a day at 09:00, 11:00 and 13:00. */
  private static Future<Void> seedBookings(MongoStore store, LocalDate monday) {
    Instant now = Instant.now();
    List<Future<?>> writes = new ArrayList<>();
    for (int r = 0; r < RESOURCES; r++) {
      List<Block> blocks = new ArrayList<>();
      for (int b = 0; b < BOOKINGS_PER_RESOURCE; b++) {
        LocalDate day = monday.plusDays(7L * (b / 15) + b % 15 / 3);
        Instant start = day.atTime(9 + 2 * (b % 3), 0).atZone(ZONE).toInstant();
        TimeRange booked = TimeRange.of(start, Duration.ofMinutes(30));
        blocks.add(new Block("seed-" + r + "-" + b, Block.Kind.BOOKING, "slot-type-" + r, booked, booked, null, now));
      }
      writes.add(store.schedules().update("slot-room-" + r, s -> s.place(blocks, now)));
    }
    return Future.all(writes).mapEmpty();
  }

  private static Future<Void> seed(MongoStore store) {
    Map<DayOfWeek, List<WallClockWindow>> weekdays = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      weekdays.put(day, List.of(WallClockWindow.of("09:00", "17:00")));
    }
    AvailabilityRule hours = new AvailabilityRule(weekdays, List.of(), Map.of(), Set.of());
    List<Future<Void>> writes = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      writes.add(store.resources().insert(new Resource("slot-room-" + i, "demo", "Room " + i, ZONE, true, hours)));
      writes.add(store.bookingTypes().insert(new BookingType("slot-type-" + i, "demo", "slot-room-" + i,
          "30 minutes", List.of(Duration.ofMinutes(30)), Duration.ofMinutes(15), Duration.ZERO, Duration.ZERO,
          Duration.ofHours(2), Duration.ofDays(90), 0, 0, Money.zero("EUR"), PaymentRequirement.NONE, List.of(),
          Duration.ofMinutes(10))));
    }
    return store.providers().insert(new Provider("demo", "Slots", "slots@example.com", ZONE, Instant.now()))
        .compose(v -> Future.all(writes)).mapEmpty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
