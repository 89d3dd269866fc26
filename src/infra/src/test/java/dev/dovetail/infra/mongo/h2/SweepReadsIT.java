package dev.dovetail.infra.mongo.h2;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Periodic work (and one request) that read every tenant's documents now reads index keys of what it finds (issue 17):
 * the payment sweep's owed work (every 30 s), the offer mail's waitlist entry (each offer), the webhook prune's
 * finished deliveries (daily), the janitor's marked schedules (every minute, ADR 82), the busy-time refresh's calendars
 * with recurring time (hourly, ADR 83), a provider's insights' waitlist bookings (each request). Each runs among 2,000
 * documents it must not read, on the on-disk store.
 */
@ExtendWith(VertxExtension.class)
class SweepReadsIT {

  private static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");
  private static final int OTHERS = 2000;

  @Test
  @DisplayName("the payment sweep finds the owed work, each kind in turns, without reading settled payments")
  void owedPaymentsAreFoundByIndex(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      MongoStore store = served.store();
      MongoClient raw = served.raw();
      List<Future<Void>> writes = new ArrayList<>();
      for (int i = 0; i < OTHERS; i++) {
        writes.add(store.payments().insert(payment("settled-" + i)));
      }
      await(Future.all(writes));
      for (String id : List.of("void-1", "void-2", "void-3")) {
        owe(store, id, Owed.VOID);
      }
      owe(store, "capture-1", Owed.CAPTURE);
      long before = served.keysRead("payments");

      assertThat(await(store.payments().findOwed(100))).extracting(Payment::bookingId)
          .containsExactlyInAnyOrder("void-1", "void-2", "void-3", "capture-1");
      assertThat(await(store.payments().findOwed(2))).extracting(Payment::owed)
          .as("a backlog of one kind does not hide another").containsExactlyInAnyOrder(Owed.VOID, Owed.CAPTURE);
      assertThat(served.keysRead("payments") - before).isBetween(1L, 20L);
    });
  }

  @Test
  @DisplayName("an offer's waitlist entry is looked up by its two indexes, not found among every tenant's entries")
  void offeredEntryIsLookedUpByIndex(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      MongoStore store = served.store();
      MongoClient raw = served.raw();
      List<Future<String>> writes = new ArrayList<>();
      for (int i = 0; i < OTHERS; i++) {
        writes.add(raw.insert("waitlist", new JsonObject().put("_id", "entry-" + i).put("bookingId", "booked-" + i)
            .put("offer", new JsonObject().put("bookingId", "held-" + i))));
      }
      await(Future.all(writes));
      long before = served.keysRead("waitlist");

      // An id between two stored ones, so each index lookup reads the one key after it (an id past every key reads
      // none, as a scan does).
      assertThat(await(store.waitlist().findByOfferedBooking("booked-1000a"))).isEmpty();
      assertThat(served.keysRead("waitlist") - before).isBetween(1L, 4L);
    });
  }

  @Test
  @DisplayName("the webhook prune removes old finished deliveries by index and keeps pending and recent ones")
  void pruneRemovesFinishedDeliveriesByIndex(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      MongoStore store = served.store();
      MongoClient raw = served.raw();
      long old = NOW.minus(Duration.ofDays(40)).toEpochMilli();
      List<Future<String>> writes = new ArrayList<>();
      for (int i = 0; i < OTHERS; i++) {
        writes.add(raw.insert("webhook_deliveries", delivery("pending-" + i, "PENDING", old)));
      }
      for (int i = 0; i < 5; i++) {
        writes.add(raw.insert("webhook_deliveries", delivery("ok-" + i, "SUCCEEDED", old)));
        writes.add(raw.insert("webhook_deliveries", delivery("failed-" + i, "FAILED", old)));
        writes.add(raw.insert("webhook_deliveries", delivery("recent-" + i, "SUCCEEDED", NOW.toEpochMilli())));
      }
      await(Future.all(writes));
      long before = served.keysRead("webhook_deliveries");

      await(store.webhookEvents().pruneBefore(NOW.minus(Duration.ofDays(30))));

      assertThat(served.keysRead("webhook_deliveries") - before).isBetween(1L, 30L);
      assertThat(await(raw.count("webhook_deliveries", new JsonObject()))).isEqualTo(OTHERS + 5L);
      assertThat(await(raw.count("webhook_deliveries", new JsonObject().put("state", "SUCCEEDED")))).isEqualTo(5L);
    });
  }

  @Test
  @DisplayName("the janitor lists the marked schedules by index, not every resource's head")
  void janitorFindsMarkedSchedulesByIndex(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      MongoStore store = served.store();
      List<Future<String>> writes = new ArrayList<>();
      for (int i = 0; i < OTHERS; i++) {
        writes.add(served.raw().insert("schedules", new JsonObject().put("_id", "idle-" + i).put("revision", 3L)
            .put("unswept", false).put("changedAt", 0L)));
      }
      await(Future.all(writes));
      for (String id : List.of("busy-1", "busy-2", "busy-3")) {
        await(store.schedules().update(id, s -> s.place(List.of(), NOW)));
      }
      long before = served.keysRead("schedules");

      assertThat(await(store.schedules().unswept())).extracting(ScheduleRepository.Unswept::resourceId)
          .containsExactlyInAnyOrder("busy-1", "busy-2", "busy-3");
      assertThat(served.keysRead("schedules") - before).isBetween(1L, 10L);
    });
  }

  @Test
  @DisplayName("the busy-time refresh lists the calendars with recurring time by index, not every calendar")
  void busyRefreshFindsFlaggedCalendarsByIndex(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      MongoStore store = served.store();
      List<Future<String>> writes = new ArrayList<>();
      for (int i = 0; i < OTHERS; i++) {
        writes.add(served.raw().insert("calendars", new JsonObject().put("_id", "plain-" + i).put("revision", 3L)
            .put("busyRefresh", false).put("recurringObjects", 0L)));
      }
      await(Future.all(writes));
      await(store.calendars().update("weekly-1", c -> c.put(CalendarObject.of("w.ics", "w@test",
          "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
          false))));
      long before = served.keysRead("calendars");

      assertThat(await(store.calendars().withRecurringTime())).containsExactly("weekly-1");
      assertThat(served.keysRead("calendars") - before).isBetween(1L, 4L);
    });
  }

  @Test
  @DisplayName("a provider's insights find its waitlist bookings among its own entries, not every tenant's")
  void insightsReadOnlyTheProvidersWaitlist(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      List<Future<String>> writes = new ArrayList<>();
      for (int i = 0; i < OTHERS; i++) {
        writes.add(served.raw().insert("waitlist", new JsonObject().put("_id", "other-" + i)
            .put("providerId", "tenant-" + i).put("status", "BOOKED").put("bookingId", "booked-" + i)
            .put("joined", NOW.toEpochMilli())));
      }
      await(Future.all(writes));
      long before = served.keysRead("waitlist");

      assertThat(await(served.store().waitlist().findBookedByBookings("tenant-x", List.of("booked-1000a"))))
          .isEmpty();
      // choosing between the two indexes that serve it counts up to 64 keys of each (ADR 75), then the provider's
      assertThat(served.keysRead("waitlist") - before).isBetween(1L, 70L);
    });
  }

  private static JsonObject delivery(String id, String state, long firstDueAt) {
    return new JsonObject().put("_id", id).put("state", state).put("firstDueAt", firstDueAt)
        .put("nextAttemptAt", firstDueAt).put("position", 1L);
  }

  private static Payment payment(String bookingId) {
    return Payment.awaiting(bookingId, "prov-" + bookingId, new Money(1_000, "EUR"), false, NOW);
  }

  private static void owe(MongoStore store, String bookingId, Owed work) {
    Payment fresh = payment(bookingId);
    await(store.payments().insert(fresh));
    await(store.payments().update(fresh.owe(work, 0, NOW)));
  }
}
