package dev.dovetail.bench.load;

import dev.dovetail.bench.BenchHub;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
    LoadArgs load = LoadArgs.parse(args, 4000, List.of(1, 16));
    int requests = load.requests();
    try (BenchHub bench = BenchHub.start()) {
      Vertx vertx = bench.vertx();
      MongoStore store = bench.store();
      seed(store).await();
      WebClient client = bench.client(load.mostClients());
      LocalDate monday = LocalDate.now(ZONE).plusWeeks(1).with(DayOfWeek.MONDAY);
      seedBookings(store, monday).await();
      System.out.printf("requests=%d clients=%s cores=%d%n", requests, load.clients(),
          Runtime.getRuntime().availableProcessors());
      LoadDriver.run(vertx, "warm-up", requests, 16, i -> week(client, i, monday));
      for (int c : load.clients()) {
        LoadDriver.run(vertx, "week, " + c + " clients", requests, c, i -> week(client, i, monday));
        LoadDriver.run(vertx, "month states, " + c, requests, c, i -> monthStates(client, i, monday));
      }
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
    List<String> names = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      names.add(Integer.toString(i));
    }
    AvailabilityRule hours = Rooms.open(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), "09:00", "17:00");
    return Rooms.seed(store, "Slots", ZONE, hours, "slot", names,
        (type, room) -> new BookingType(type, "demo", room, "30 minutes", List.of(Duration.ofMinutes(30)),
            Duration.ofMinutes(15), Duration.ZERO, Duration.ZERO, Duration.ofHours(2), Duration.ofDays(90), 0, 0,
            Money.zero("EUR"), PaymentRequirement.NONE, List.of(), Duration.ofMinutes(10)));
  }
}
