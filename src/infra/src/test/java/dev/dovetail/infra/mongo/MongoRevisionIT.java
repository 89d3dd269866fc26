package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.ContractFixtures.BASE;
import static dev.dovetail.booking.port.out.ContractFixtures.confirmed;
import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static dev.dovetail.infra.mongo.MongoSupport.byId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Documents stored before ADR 53 carry their compare-and-set counter as {@code sequence} (bookings, waitlist entries)
 * or {@code version} (payments): they read back the same, the next change matches the old name and stores {@code
 * revision} in its place, and a stale write still fails.
 */
@DisplayName("The compare-and-set counter: no index of its own, and documents with its old name")
class MongoRevisionIT extends StoreIT {

  @Test
  @DisplayName("a booking stored with sequence")
  void booking() {
    Booking booking = confirmed(id("prov"), "room-1", BASE, 30);
    await(store.bookings().insertAll(List.of(booking)));
    Booking moved = booking.movedTo(booking.time(), BASE.minusSeconds(60));
    await(store.bookings().update(moved));
    movesToRevision(MongoBookingRepository.COLLECTION, BookingCodec.LEGACY_REVISION, booking.id(), moved,
        moved.withStatus(BookingStatus.CANCELLED, BASE.minusSeconds(30)),
        booking.withStatus(BookingStatus.CANCELLED, BASE), store.bookings()::findById, store.bookings()::update);
  }

  @Test
  @DisplayName("a waitlist entry stored with sequence")
  void waitlistEntry() {
    WaitlistEntry entry = WaitlistEntry.join(id("w"), id("prov"), "room", "type", "Grace Hopper",
        "grace@example.com", ZoneId.of("America/New_York"), Wish.day(LocalDate.of(2030, 1, 2)), BASE);
    WaitlistEntry offered = entry.offered(new SlotOffer(id("held"),
        new TimeRange(BASE.plusSeconds(3600), BASE.plusSeconds(5400)), BASE.plusSeconds(600), false), BASE);
    await(store.waitlist().insert(entry));
    await(store.waitlist().update(offered));
    movesToRevision(MongoWaitlistRepository.COLLECTION, WaitlistCodec.LEGACY_REVISION, entry.id(), offered,
        offered.lapsed(BASE.plusSeconds(1)), entry.removed(BASE.plusSeconds(2)), store.waitlist()::findById,
        store.waitlist()::update);
  }

  @Test
  @DisplayName("a payment stored with version")
  void payment() {
    Payment awaiting = Payment.awaiting(id("b"), id("prov"), new Money(12_345, "EUR"), true, BASE);
    Payment payment = awaiting.withIntent(id("pi"), BASE);
    await(store.payments().insert(awaiting));
    await(store.payments().update(payment));
    movesToRevision(MongoPaymentRepository.COLLECTION, PaymentCodec.LEGACY_REVISION, payment.bookingId(), payment,
        payment.authorized(BASE.plusSeconds(1)), awaiting.canceled(BASE.plusSeconds(2)), store.payments()::find,
        store.payments()::update);
  }

  /**
   * Renames the stored {@code revision} of {@code stored} to {@code oldName}, as an older release wrote it; then it
   * must read back the same, {@code next} (one revision on) must replace it and store {@code revision} alone, and
   * {@code stale} (written from the revision before) must fail, before and after.
   */
  private <T> void movesToRevision(String collection, String oldName, String id, T stored, T next, T stale,
      Function<String, Future<Optional<T>>> find, Function<T, Future<Void>> update) {
    await(store.client().updateCollection(collection, byId(id),
        new JsonObject().put("$rename", new JsonObject().put(CompareAndSet.REVISION, oldName))));
    JsonObject old = await(store.client().findOne(collection, byId(id), null));
    assertThat(old.containsKey(CompareAndSet.REVISION)).isFalse();
    long revision = old.getLong(oldName);

    assertThat(await(find.apply(id))).contains(stored);
    assertThat(await(failureOf(update.apply(stale)))).isInstanceOf(ConflictException.class);
    await(update.apply(next));
    assertThat(await(failureOf(update.apply(stale)))).isInstanceOf(ConflictException.class);

    assertThat(await(find.apply(id))).contains(next);
    JsonObject moved = await(store.client().findOne(collection, byId(id), null));
    assertThat(moved.getLong(CompareAndSet.REVISION)).isEqualTo(revision + 1);
    assertThat(moved.containsKey(oldName)).isFalse();
  }

  @Test
  @DisplayName("no collection keeps an index of its compare-and-set filter: _id finds it, also embedded (ADR 80)")
  void noCompareAndSetIndexes() {
    for (Map.Entry<String, List<String>> retired : MongoStore.RETIRED_INDEXES.entrySet()) {
      JsonArray indexes = await(store.client().listIndexes(retired.getKey()));
      assertThat(indexes.stream().map(index -> ((JsonObject) index).getString("name")))
          .as(retired.getKey())
          .doesNotContainAnyElementsOf(retired.getValue());
    }
  }
}
