package dev.dovetail.bench.notify;

import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.infra.mail.StoreSinkMailer;
import dev.dovetail.infra.mail.TemplateMessageRenderer;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.notification.app.OutboxDispatcher;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dispatch rate of the notification outbox: N reminders (default 10,000) all due now, for N confirmed bookings, on the
 * embedded store (in memory, or on disk with commit-before-acknowledge), sent through the local sink (each mail is
 * rendered from the templates, with its .ics where the kind has one, and written to the store). One or more
 * dispatchers ("nodes") share the store. Reports messages per second from the first claim to the last SENT write, and
 * checks every message was sent exactly once.
 *
 * <p>Usage: {@code DispatchBenchmark [messages] [memory|disk] [nodes] [concurrency]}
 */
public final class DispatchBenchmark {

  private DispatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    boolean disk = args.length > 1 && args[1].equals("disk");
    int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Path dir = disk ? Files.createTempDirectory("dovetail-dispatch-bench") : null;
    EmbeddedMongo embedded = disk ? EmbeddedMongo.onDisk(dir) : EmbeddedMongo.inMemory();
    Vertx vertx = Vertx.vertx();
    try {
      MongoStore store = MongoStore.connect(vertx, embedded.connectionString(), "bench",
          disk ? embedded::commitAsync : MongoStore.NO_COMMIT).await();
      Clock clock = Clock.tickMillis(ZoneOffset.UTC);
      Instant now = clock.instant();
      ZoneId berlin = ZoneId.of("Europe/Berlin");
      store.providers().insert(new Provider("acme", "Acme", "owner@acme.test", berlin, now)).await();
      store.resources().insert(new Resource("room", "acme", "Room", berlin, true,
          new AvailabilityRule(Map.of(), List.of(), Map.of(), Set.of()))).await();
      store.bookingTypes().insert(new BookingType("consult", "acme", "room", "Consultation",
          List.of(Duration.ofMinutes(30)), Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO, Duration.ZERO,
          Duration.ofDays(365), 0, 0, Money.zero("EUR"), PaymentRequirement.NONE, List.of(),
          Duration.ofMinutes(10))).await();

      long setup = System.nanoTime();
      List<Booking> batch = new ArrayList<>();
      List<OutboundMessage> messages = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Instant start = now.plus(Duration.ofHours(1)).plusSeconds(60L * i);
        Booking b = new Booking(Ids.random(), "acme", "room", "consult", TimeRange.of(start, Duration.ofMinutes(30)),
            berlin, "Customer " + i, "c" + i + "@example.com", BookingStatus.CONFIRMED, null, null, 0,
            now.minusSeconds(3600), now.minusSeconds(3600));
        batch.add(b);
        // A reminder whose lead makes it due exactly now (the lead varies with the start, so all are due at once).
        messages.add(OutboundMessage.pending("acme", b.id(), 0, MessageKind.REMINDER,
            Duration.between(now, start), b.customerEmail(), now, now.minusSeconds(3600)));
        if (batch.size() == 500) {
          store.bookings().insertAll(batch).await();
          store.outbox().record(messages).await();
          batch.clear();
          messages.clear();
        }
      }
      store.bookings().insertAll(batch).await();
      store.outbox().record(messages).await();
      System.out.printf("setup: %d bookings and due reminders in %.1f s (%s store)%n", count,
          (System.nanoTime() - setup) / 1e9, disk ? "on-disk" : "in-memory");

      ManageTokens tokens = new ManageTokens("benchmark manage-link key, 32 bytes".getBytes(StandardCharsets.UTF_8));
      CatalogService catalog = new CatalogService(store.providers(), store.resources(), store.bookingTypes(),
          store.bookings(), store.schedules(), store.calendars(), clock);
      TemplateMessageRenderer renderer = new TemplateMessageRenderer();
      List<OutboxDispatcher> dispatchers = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        dispatchers.add(new OutboxDispatcher(store.outbox(), store.bookings(), catalog, renderer,
            new StoreSinkMailer(store.mailSink(), clock), id -> "http://localhost:8080/manage/" + tokens.issue(id),
            clock, OutboxDispatcher.Settings.defaults("node-" + n).withConcurrency(concurrency), Math::random));
      }

      long begin = System.nanoTime();
      int sent = 0;
      int rounds = 0;
      while (sent < count && rounds < 1000) {
        List<Future<OutboxDispatcher.Report>> runs = new ArrayList<>();
        dispatchers.forEach(d -> runs.add(d.dispatchDue()));
        Future.all(runs).await();
        for (var run : runs) {
          sent += run.result().sent();
        }
        rounds++;
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      long stored = store.outbox().listByProvider("acme", PageRequest.first(1)).await()
          .items().size();
      int notSent = 0;
      for (OutboundMessage m : walk(store)) {
        if (m.state() != MessageState.SENT || m.attempts() != 1) {
          notSent++;
        }
      }
      System.out.printf("dispatched %d reminders in %.2f s: %.0f messages/s (%d node(s), concurrency %d, %d runs)%n",
          sent, seconds, sent / seconds, nodes, concurrency, rounds);
      System.out.printf("check: %d not SENT exactly once (expected 0); list readable: %s%n", notSent, stored > 0);
      store.close().await();
    } finally {
      vertx.close().await();
      embedded.close();
      if (dir != null) {
        try (var files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static List<OutboundMessage> walk(MongoStore store) {
    List<OutboundMessage> all = new ArrayList<>();
    String cursor = null;
    do {
      var page = store.outbox().listByProvider("acme", new PageRequest(cursor, 200))
          .await();
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }
}
