package dev.dovetail.booking.app;

import static dev.dovetail.booking.app.BookingUseCaseFixture.berlin;
import static dev.dovetail.booking.app.BookingUseCaseFixture.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.SlotQuery;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BookSlotServiceTest {

  private static BookingType thirtyWithBuffer() {
    BookingType t = TestBookings.simpleType("t30", "acme", "room", 30);
    return new BookingType(t.id(), t.providerId(), t.resourceId(), t.name(), t.durations(), t.slotInterval(),
        Duration.ZERO, Duration.ofMinutes(10), t.minimumNotice(), t.horizon(), t.maxPerDay(), t.maxPerWeek(),
        t.price(), t.payment(), t.cancellationPolicy(), t.holdDuration());
  }

  private static BookingType limited(int perDay, Duration notice) {
    BookingType t = TestBookings.simpleType("limited", "acme", "room", 60);
    return new BookingType(t.id(), t.providerId(), t.resourceId(), t.name(), t.durations(), t.slotInterval(),
        t.bufferBefore(), t.bufferAfter(), notice, t.horizon(), perDay, 0, t.price(), t.payment(),
        t.cancellationPolicy(), t.holdDuration());
  }

  private final BookingUseCaseFixture f = new BookingUseCaseFixture(
      thirtyWithBuffer(), TestBookings.simpleType("t60", "acme", "room", 60), limited(2, Duration.ofHours(2)));

  private List<Instant> freeStarts(String type, LocalDate day) {
    return f.availability.freeSlots(new SlotQuery(type, day, day.plusDays(1), ZoneId.of("Europe/Berlin"), null))
        .await().stream().map(Slot::start).toList();
  }

  @Test
  @DisplayName("a booking is confirmed and its buffer-widened span takes the following slot too")
  void bookingBlocksItsSlotAndTheBufferAfter() {
    BookingReceipt receipt = f.bookSlot.book(command("t30", berlin(0, 9, 0), false, 1)).await();

    Booking booking = receipt.bookings().get(0).booking();
    assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(booking.time().length()).isEqualTo(Duration.ofMinutes(30));
    assertThat(receipt.bookings().get(0).manageToken()).startsWith(booking.id() + ".");
    List<Instant> free = freeStarts("t30", LocalDate.of(2026, 11, 23));
    assertThat(free).doesNotContain(berlin(0, 9, 0), berlin(0, 9, 30)).contains(berlin(0, 10, 0));
  }

  @Test
  @DisplayName("a second booking of a taken slot is refused with the nearest free alternatives")
  void secondBookingOfTakenSlotIsRefusedWithAlternatives() {
    f.bookSlot.book(command("t60", berlin(0, 10, 0), false, 1)).await();

    assertThatThrownBy(() -> f.bookSlot.book(command("t60", berlin(0, 10, 0), false, 1)).await())
        .isInstanceOfSatisfying(SlotTakenException.class, e -> {
          assertThat(e.getMessage()).contains("already taken");
          assertThat(e.alternatives()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
          assertThat(e.alternatives()).extracting(Slot::start).doesNotContain(berlin(0, 10, 0))
              .contains(berlin(0, 9, 0), berlin(0, 11, 0)).isSorted();
        });
    assertThat(f.bookings.listByProvider("acme", null, null, PageRequest.first(10)).await().items()).hasSize(1);
  }

  @Test
  @DisplayName("a 30-minute booking overlapping a 60-minute one of another type on the same room is refused")
  void overlappingBookingOfAnotherTypeIsRefused() {
    f.bookSlot.book(command("t60", berlin(0, 14, 0), false, 1)).await();

    assertThatThrownBy(() -> f.bookSlot.book(command("t30", berlin(0, 14, 30), false, 1)).await())
        .isInstanceOf(SlotTakenException.class);
    assertThatThrownBy(() -> f.bookSlot.book(command("t30", berlin(0, 13, 30), false, 1)).await())
        .as("13:30 + 30 min + 10 min buffer reaches into 14:00").isInstanceOf(SlotTakenException.class);
  }

  @Test
  @DisplayName("a time during the lunch break, at the weekend or off the slot grid is not an offered slot")
  void timesOutsideTheRulesAreRefused() {
    for (Instant start : List.of(berlin(0, 12, 0), berlin(5, 10, 0), berlin(0, 9, 15))) {
      assertThatThrownBy(() -> f.bookSlot.book(command("t60", start, false, 1)).await())
          .isInstanceOf(SlotUnavailableException.class).hasMessageContaining("not an offered slot");
    }
  }

  @Test
  @DisplayName("a hold blocks until its expiry instant, then frees the slot by itself")
  void holdBlocksUntilItExpires() {
    Booking hold = f.bookSlot.book(command("t60", berlin(0, 11, 0), true, 1)).await().bookings().get(0).booking();
    assertThat(hold.status()).isEqualTo(BookingStatus.HELD);
    assertThat(hold.holdExpiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(10)));
    assertThat(freeStarts("t60", LocalDate.of(2026, 11, 23))).doesNotContain(berlin(0, 11, 0));

    f.clock.advance(Duration.ofMinutes(10).minusNanos(1000));
    assertThatThrownBy(() -> f.bookSlot.book(command("t60", berlin(0, 11, 0), false, 1)).await())
        .as("one microsecond before expiry").isInstanceOf(SlotTakenException.class);

    f.clock.advance(Duration.ofNanos(1000));
    assertThat(freeStarts("t60", LocalDate.of(2026, 11, 23))).contains(berlin(0, 11, 0));
    assertThat(f.bookSlot.book(command("t60", berlin(0, 11, 0), false, 1)).await().bookings()).hasSize(1);
    assertThatThrownBy(() -> f.manage.confirmHold(hold.id()).await()).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("a hold confirmed in time keeps blocking after its original expiry")
  void confirmedHoldKeepsBlocking() {
    Booking hold = f.bookSlot.book(command("t60", berlin(0, 11, 0), true, 1)).await().bookings().get(0).booking();
    f.clock.advance(Duration.ofMinutes(5));

    Booking confirmed = f.manage.confirmHold(hold.id()).await();
    f.clock.advance(Duration.ofMinutes(30));

    assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(freeStarts("t60", LocalDate.of(2026, 11, 23))).doesNotContain(berlin(0, 11, 0));
  }

  @Test
  @DisplayName("a weekly series keeps its wall-clock time across the DST change and is booked all or nothing")
  void weeklySeriesIsAllOrNothingAndKeepsWallClockTime() {
    Instant firstWeek = LocalDate.of(2027, 3, 22).atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    Instant thirdWeek = firstWeek.atZone(ZoneId.of("Europe/Berlin")).plusWeeks(2).toInstant();
    f.bookSlot.book(command("t60", thirdWeek, false, 1)).await();

    assertThatThrownBy(() -> f.bookSlot.book(command("t60", firstWeek, false, 4)).await())
        .isInstanceOf(SlotTakenException.class);
    assertThat(f.bookings.listByProvider("acme", null, null, PageRequest.first(10)).await().items()).hasSize(1);
    assertThat(f.schedules.load("room").await().blocks()).hasSize(1);

    List<BookingReceipt.Issued> series = f.bookSlot.book(command("t60", firstWeek.plus(Duration.ofHours(1)), false,
        3)).await().bookings();
    assertThat(series).hasSize(3);
    assertThat(series).extracting(i -> i.booking().seriesId()).containsOnly(series.get(0).booking().seriesId());
    assertThat(series).extracting(i -> i.booking().time().start().atZone(ZoneId.of("Europe/Berlin")).toLocalTime())
        .containsOnly(java.time.LocalTime.of(11, 0));
    assertThat(series.get(1).booking().time().start()).as("the week after the change is 1 hour earlier in UTC")
        .isEqualTo(series.get(0).booking().time().start().plus(Duration.ofDays(7)).minus(Duration.ofHours(1)));
  }

  @Test
  @DisplayName("minimum notice and the per-day limit refuse bookings the rules do not allow")
  void noticeAndDailyLimitAreEnforced() {
    assertThatThrownBy(() -> f.bookSlot.book(command("limited", berlin(0, 9, 0), false, 1)).await())
        .as("09:00 is one hour away, notice is two").isInstanceOf(SlotUnavailableException.class);
    f.bookSlot.book(command("limited", berlin(0, 10, 0), false, 1)).await();
    f.bookSlot.book(command("limited", berlin(0, 11, 0), false, 1)).await();

    assertThatThrownBy(() -> f.bookSlot.book(command("limited", berlin(0, 14, 0), false, 1)).await())
        .hasMessageContaining("not an offered slot");
    assertThat(f.bookSlot.book(command("limited", berlin(1, 14, 0), false, 1)).await().bookings()).hasSize(1);
  }

  @Test
  @DisplayName("bad customer input is refused before anything is stored")
  void badInputIsRefusedAndNothingStored() {
    List<BookSlotCommand> bad = List.of(
        new BookSlotCommand("t60", berlin(0, 10, 0), null, ZoneId.of("UTC"), " ", "a@example.com", false, 1),
        new BookSlotCommand("t60", berlin(0, 10, 0), null, ZoneId.of("UTC"), "Ada", "not-an-email", false, 1),
        new BookSlotCommand("t60", berlin(0, 10, 0), null, ZoneId.of("UTC"), "Ada", "a@example.com", false, 0),
        new BookSlotCommand("t60", berlin(0, 10, 0), null, ZoneId.of("UTC"), "Ada", "a@example.com", false, 53),
        new BookSlotCommand("t60", berlin(0, 10, 0), Duration.ofMinutes(45), ZoneId.of("UTC"), "Ada",
            "a@example.com", false, 1),
        new BookSlotCommand("t60", null, null, ZoneId.of("UTC"), "Ada", "a@example.com", false, 1));
    for (BookSlotCommand command : bad) {
      assertThatThrownBy(() -> f.bookSlot.book(command).await()).isInstanceOf(InvalidRequestException.class);
    }
    assertThat(f.bookings.listByProvider("acme", null, null, PageRequest.first(10)).await().items()).isEmpty();
    assertThat(f.schedules.load("room").await().blocks()).isEmpty();
  }

  @Test
  @DisplayName("a lock that cannot be had in time: 409 with alternatives if the time was taken meanwhile, else busy")
  void lockTimeoutAnswersTakenWithAlternativesOrBusy() {
    InMemoryResourceLock slowLock = InMemoryResourceLock.noWait();
    BookSlotService impatient = new BookSlotService(f.catalog, f.schedules, f.bookings, slowLock, f.events, f.tokens,
        f.clock);
    Promise<Void> otherWriter = Promise.promise();
    slowLock.withLock("room", otherWriter::future);

    assertThatThrownBy(() -> impatient.book(command("t60", berlin(0, 10, 0), false, 1)).await())
        .as("the time is still free: try again").isInstanceOf(ResourceBusyException.class);

    f.bookSlot.book(command("t60", berlin(0, 10, 0), false, 1)).await();
    assertThatThrownBy(() -> impatient.book(command("t60", berlin(0, 10, 0), false, 1)).await())
        .as("the time went to another customer while this one waited")
        .isInstanceOfSatisfying(SlotTakenException.class,
            e -> assertThat(e.alternatives()).extracting(Slot::start).contains(berlin(0, 11, 0)));

    otherWriter.complete();
    assertThat(impatient.book(command("t60", berlin(0, 11, 0), false, 1)).await().bookings()).hasSize(1);
  }
}
