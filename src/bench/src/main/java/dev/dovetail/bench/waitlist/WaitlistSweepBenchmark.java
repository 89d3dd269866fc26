package dev.dovetail.bench.waitlist;

import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.infra.lock.SharedDataResourceLock;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.waitlist.app.Backfill;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost of the waitlist's periodic sweep (the backstop that matches every resource with waiting customers): R
 * resources, each fully booked on one day (16 half-hour slots), W waiting entries spread over them, each wishing a
 * window of that day. Measures (1) a sweep that finds nothing to offer (the steady state, paid every 30 s per node)
 * and (2) a sweep right after one booking per resource was cancelled (R offers made: hold, entry write, outbox record).
 *
 * <p>Usage: {@code WaitlistSweepBenchmark [resources] [waiting] [rounds]}
 */
public final class WaitlistSweepBenchmark {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

  private WaitlistSweepBenchmark() {}

  public static void main(String[] args) {
    int resources = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int waiting = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    EmbeddedMongo embedded = EmbeddedMongo.inMemory();
    Vertx vertx = Vertx.vertx();
    try {
      MongoStore store = MongoStore.connect(vertx, embedded.connectionString(), "bench", MongoStore.NO_COMMIT).await();
      Clock clock = Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);
      ManageTokens tokens = new ManageTokens("waitlist benchmark key, 32 bytes+".getBytes(StandardCharsets.UTF_8));
      CatalogService catalog = new CatalogService(store.providers(), store.resources(), store.bookingTypes(),
          store.bookings(), store.schedules(), store.calendars(), clock);
      SharedDataResourceLock lock = new SharedDataResourceLock(vertx, Duration.ofSeconds(30));
      BookSlotService book = new BookSlotService(catalog, store.schedules(), store.bookings(), lock,
          BookingEvents.none(), tokens, clock);
      ManageBookingService manage = new ManageBookingService(catalog, store.schedules(), store.bookings(), lock,
          BookingEvents.none(), tokens, clock);
      Backfill backfill = new Backfill(store.waitlist(), catalog, store.schedules(), book, manage, store.outbox(),
          lock, clock, () -> { });

      store.providers().insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, clock.instant())).await();
      List<String> firstBookings = new ArrayList<>();
      for (int r = 0; r < resources; r++) {
        String id = "room-" + r;
        store.resources().insert(new Resource(id, "acme", "Room " + r, BERLIN, true,
            AvailabilityRule.weekdays(WallClockWindow.of("09:00", "17:00"), List.of()))).await();
        store.bookingTypes().insert(new BookingType("half-" + r, "acme", id, "Half hour",
            List.of(Duration.ofMinutes(30)), Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ofDays(90), 0, 0, Money.zero("EUR"), PaymentRequirement.NONE, List.of(),
            Duration.ofMinutes(10))).await();
        for (int slot = 0; slot < 16; slot++) {
          Instant start = DAY.atTime(9, 0).plusMinutes(30L * slot).atZone(BERLIN).toInstant();
          String bookingId = book.book(new BookSlotCommand("half-" + r, start, null, BERLIN, "Guest",
              "guest@example.com", false, 1)).await().bookings().get(0).booking().id();
          if (slot == 0) {
            firstBookings.add(bookingId);
          }
        }
      }
      for (int w = 0; w < waiting; w++) {
        int r = w % resources;
        int from = 9 + (w % 7);
        store.waitlist().insert(WaitlistEntry.join(Ids.random(), "acme", "room-" + r, "half-" + r, "Waiting " + w,
            "w" + w + "@example.com", BERLIN, Wish.window(DAY, LocalTime.of(9, 0), LocalTime.of(from + 1, 0)),
            clock.instant().plusMillis(w))).await();
      }

      System.out.printf("%d resources fully booked on %s, %d waiting entries%n", resources, DAY, waiting);
      for (int round = 0; round < rounds; round++) {
        long t0 = System.nanoTime();
        Backfill.Report idle = backfill.sweep().await();
        long idleMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("sweep with nothing free: %d ms (offered %d)%n", idleMs, idle.offered());
      }
      for (String bookingId : firstBookings) {
        manage.cancel("acme", bookingId).await();
      }
      long t1 = System.nanoTime();
      Backfill.Report busy = backfill.sweep().await();
      long busyMs = (System.nanoTime() - t1) / 1_000_000;
      System.out.printf("sweep after %d cancellations: %d ms, %d offers made%n", firstBookings.size(), busyMs,
          busy.offered());
      store.close().await();
    } finally {
      vertx.close().await();
      embedded.close();
    }
  }
}
