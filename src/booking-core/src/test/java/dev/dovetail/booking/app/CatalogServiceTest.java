package dev.dovetail.booking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CatalogService: offers cache, deletes that never orphan a booking")
class CatalogServiceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T07:00:00Z"));
  private final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  private final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  private final InMemoryCatalog.BookingTypes types = new InMemoryCatalog.BookingTypes();
  private final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  private final CatalogService catalog =
      new CatalogService(providers, resources, types, bookings, new InMemoryScheduleRepository(),
      new InMemoryCalendarObjectRepository(), Duration.ofSeconds(2), clock);

  CatalogServiceTest() {
    providers.insert(new Provider("acme", "Acme", "owner@acme.test", ZoneId.of("UTC"), clock.instant())).await();
    resources.insert(TestBookings.officeHours("room", "acme", ZoneId.of("UTC"))).await();
    types.insert(TestBookings.simpleType("t60", "acme", "room", 60)).await();
  }

  @Test
  @DisplayName("an offer is reused for its time to live, then read again from the store")
  void offerIsCachedForItsTimeToLive() {
    assertThat(catalog.offer("t60").await().type().id()).isEqualTo("t60");
    types.delete("t60").await();

    assertThat(catalog.offer("t60").await().type().id()).as("within the TTL").isEqualTo("t60");
    clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> catalog.offer("t60").await()).isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("a resource that booking types still offer cannot be deleted (409 naming them); once they are gone it can")
  void resourceInUseIsNotDeleted() {
    types.insert(TestBookings.simpleType("t30", "acme", "room", 30)).await();

    assertThatThrownBy(() -> catalog.deleteResource("acme", "room").await())
        .isInstanceOf(ConflictException.class).hasMessageContaining("t30").hasMessageContaining("t60");
    assertThat(resources.findById("room").await()).isPresent();

    catalog.deleteBookingType("acme", "t30").await();
    catalog.deleteBookingType("acme", "t60").await();
    catalog.deleteResource("acme", "room").await();
    assertThat(resources.findById("room").await()).isEmpty();
  }

  @Test
  @DisplayName("a catalog write through the service is seen by the next offer read at once")
  void writesThroughTheServiceEmptyTheCache() {
    catalog.offer("t60").await();
    BookingType longer = TestBookings.simpleType("t60", "acme", "room", 90);

    catalog.updateBookingType("acme", longer).await();

    assertThat(catalog.offer("t60").await().type().defaultDuration()).isEqualTo(Duration.ofMinutes(90));
  }

  private Booking booking(String id, String type, Instant start, BookingStatus status, Instant holdExpires) {
    return new Booking(id, "acme", "room", type, TimeRange.of(start, Duration.ofHours(1)), ZoneId.of("UTC"), "Ada",
        "ada@example.com", status, holdExpires, null, 1, clock.instant(), clock.instant());
  }

  @Test
  @DisplayName("a booking type with confirmed or live held bookings to come is not deleted (409 naming them)")
  void bookingTypeWithLiveBookingsIsNotDeleted() {
    Instant now = clock.instant();
    bookings.insertAll(List.of(
        booking("past", "t60", now.minus(Duration.ofDays(2)), BookingStatus.CONFIRMED, null),
        booking("cancelled", "t60", now.plus(Duration.ofDays(3)), BookingStatus.CANCELLED, null),
        booking("lapsed", "t60", now.plus(Duration.ofDays(3)), BookingStatus.HELD, now.minus(Duration.ofMinutes(1))),
        booking("coming", "t60", now.plus(Duration.ofDays(5)), BookingStatus.CONFIRMED, null),
        booking("paying", "t60", now.plus(Duration.ofDays(6)), BookingStatus.HELD, now.plus(Duration.ofMinutes(9))),
        booking("other-type", "t30", now.plus(Duration.ofDays(5)), BookingStatus.CONFIRMED, null))).await();

    assertThatThrownBy(() -> catalog.deleteBookingType("acme", "t60").await())
        .isInstanceOf(ConflictException.class).hasMessageContaining("coming").hasMessageContaining("paying")
        .hasMessageNotContaining("past").hasMessageNotContaining("lapsed").hasMessageNotContaining("other-type");
    assertThat(types.findById("t60").await()).isPresent();

    clock.advance(Duration.ofDays(7));
    catalog.deleteBookingType("acme", "t60").await();
    assertThat(types.findById("t60").await()).isEmpty();
  }
}
