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
import dev.dovetail.booking.domain.ConflictException;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Documents stored before ADR 53 carry their compare-and-set counter as {@code sequence} (bookings, waitlist entries)
 * or {@code version} (payments): they read back the same, the next change matches the old name and stores {@code
 * revision} in its place, and a stale write still fails.
 */
@DisplayName("The compare-and-set counter: its index, and documents with its old name")
class MongoRevisionIT extends StoreIT {

  @Test
  @DisplayName("a booking stored with sequence")
  void booking() {
    Booking booking = confirmed(id("prov"), "room-1", BASE, 30);
    await(store.bookings().insertAll(List.of(booking)));
    Booking moved = booking.movedTo(booking.time(), BASE.minusSeconds(60));
    await(store.bookings().update(moved));
    storeUnderOldName(MongoBookingRepository.COLLECTION, booking.id(), BookingCodec.LEGACY_REVISION);

    assertThat(await(store.bookings().findById(booking.id()))).contains(moved);
    Booking cancelled = moved.withStatus(BookingStatus.CANCELLED, BASE.minusSeconds(30));
    assertThat(await(failureOf(store.bookings().update(booking.withStatus(BookingStatus.CANCELLED, BASE)))))
        .isInstanceOf(ConflictException.class);
    await(store.bookings().update(cancelled));

    assertThat(await(store.bookings().findById(booking.id()))).contains(cancelled);
    assertMovedToRevision(MongoBookingRepository.COLLECTION, booking.id(), BookingCodec.LEGACY_REVISION, 2);
  }

  @Test
  @DisplayName("a waitlist entry stored with sequence")
  void waitlistEntry() {
    WaitlistEntry entry = WaitlistEntry.join(id("w"), id("prov"), "room", "type", "Grace Hopper",
        "grace@example.com", ZoneId.of("America/New_York"), Wish.day(LocalDate.of(2030, 1, 2)), BASE);
    await(store.waitlist().insert(entry));
    storeUnderOldName(MongoWaitlistRepository.COLLECTION, entry.id(), WaitlistCodec.LEGACY_REVISION);

    assertThat(await(store.waitlist().findById(entry.id()))).contains(entry);
    WaitlistEntry left = entry.left(BASE.plusSeconds(1));
    await(store.waitlist().update(left));
    assertThat(await(failureOf(store.waitlist().update(entry.removed(BASE.plusSeconds(2))))))
        .isInstanceOf(ConflictException.class);

    assertThat(await(store.waitlist().findById(entry.id()))).contains(left);
    assertMovedToRevision(MongoWaitlistRepository.COLLECTION, entry.id(), WaitlistCodec.LEGACY_REVISION, 1);
  }

  @Test
  @DisplayName("a payment stored with version")
  void payment() {
    Payment payment = Payment.awaiting(id("b"), id("prov"), new Money(12_345, "EUR"), true, BASE)
        .withIntent(id("pi"), BASE);
    await(store.payments().insert(payment));
    storeUnderOldName(MongoPaymentRepository.COLLECTION, payment.bookingId(), PaymentCodec.LEGACY_REVISION);

    assertThat(await(store.payments().find(payment.bookingId()))).contains(payment);
    Payment authorized = payment.authorized(BASE.plusSeconds(1));
    await(store.payments().update(authorized));
    assertThat(await(failureOf(store.payments().update(payment.canceled(BASE.plusSeconds(2))))))
        .isInstanceOf(ConflictException.class);

    assertThat(await(store.payments().find(payment.bookingId()))).contains(authorized);
    assertMovedToRevision(MongoPaymentRepository.COLLECTION, payment.bookingId(), PaymentCodec.LEGACY_REVISION, 2);
  }

  @Test
  @DisplayName("every collection written by compare-and-set has the unique {_id, revision} index, also embedded")
  void compareAndSetIndexes() {
    for (String collection : List.of(MongoBookingRepository.COLLECTION, MongoWaitlistRepository.COLLECTION,
        MongoPaymentRepository.COLLECTION, MongoScheduleRepository.COLLECTION, MongoCalendarObjectRepository.COLLECTION)) {
      JsonArray indexes = await(store.client().listIndexes(collection));
      assertThat(indexes.stream().map(JsonObject.class::cast))
          .as(collection)
          .anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo(CompareAndSet.REVISION);
            assertThat(index.getBoolean("unique")).isTrue();
            assertThat(index.getJsonObject("key").fieldNames()).containsExactly("_id", CompareAndSet.REVISION);
          });
    }
  }

  /** Renames the stored {@code revision} to the name it had before ADR 53, as an older release wrote it. */
  private void storeUnderOldName(String collection, String id, String oldName) {
    await(store.client().updateCollection(collection, byId(id),
        new JsonObject().put("$rename", new JsonObject().put(CompareAndSet.REVISION, oldName))));
    JsonObject stored = await(store.client().findOne(collection, byId(id), null));
    assertThat(stored.containsKey(CompareAndSet.REVISION)).isFalse();
    assertThat(stored.containsKey(oldName)).isTrue();
  }

  private void assertMovedToRevision(String collection, String id, String oldName, long revision) {
    JsonObject stored = await(store.client().findOne(collection, byId(id), null));
    assertThat(stored.getLong(CompareAndSet.REVISION)).isEqualTo(revision);
    assertThat(stored.containsKey(oldName)).isFalse();
  }
}
