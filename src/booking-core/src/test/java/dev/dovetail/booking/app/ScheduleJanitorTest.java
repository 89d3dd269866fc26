package dev.dovetail.booking.app;

import static dev.dovetail.booking.app.BookingUseCaseFixture.berlin;
import static dev.dovetail.booking.app.BookingUseCaseFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.ScheduleWritesFail;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The janitor repairs what a crash between the schedule write and the booking write can leave behind. */
class ScheduleJanitorTest {

  private final BookingUseCaseFixture f = new BookingUseCaseFixture(TestBookings.simpleType("t60", "acme", "room", 60));

  @Test
  @DisplayName("a block whose booking was never written is freed, but only after the grace period")
  void orphanBlockIsFreedAfterGrace() {
    TimeRange time = TimeRange.of(berlin(0, 10, 0), Duration.ofHours(1));
    Block orphan = new Block("lost-booking", Block.Kind.BOOKING, "t60", time, time, null, f.clock.instant());
    f.schedules.update("room", s -> s.place(List.of(orphan), f.clock.instant())).await();

    assertThat(f.janitor.sweep().await().blocksFreed()).as("inside the grace period").isZero();
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));
    assertThat(f.janitor.sweep().await().blocksFreed()).isEqualTo(1);
    assertThat(f.schedules.load("room").await().blocks()).isEmpty();
  }

  @Test
  @DisplayName("a cancelled booking whose block survived a crash gets its block freed")
  void blockOfCancelledBookingIsFreed() {
    Booking booking = f.bookSlot.book(command("t60", berlin(0, 10, 0), false, 1)).await().bookings().get(0).booking();
    f.bookings.update(booking.withStatus(BookingStatus.CANCELLED, f.clock.instant())).await();
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));

    assertThat(f.janitor.sweep().await().blocksFreed()).isEqualTo(1);
    assertThat(f.schedules.load("room").await().find(booking.id())).isEmpty();
  }

  @Test
  @DisplayName("a cancellation stopped between its booking write and its release: its mark brings the janitor back")
  void cancellationStoppedHalfWayIsRepaired() {
    Booking booking = f.bookSlot.book(command("t60", berlin(0, 10, 0), false, 1)).await().bookings().get(0).booking();
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));
    assertThat(f.janitor.sweep().await().resourcesLooked()).isEqualTo(1);
    assertThat(f.janitor.sweep().await().resourcesLooked()).as("swept, in order and settled").isZero();

    // What cancel() does before the store stops answering: mark, then the booking write; the release never comes.
    f.schedules.markUnswept("room").await();
    assertThat(f.janitor.sweep().await()).as("a sweep between the mark and the booking write keeps the mark")
        .isEqualTo(new ScheduleJanitor.Report(0, 0, 0, 1));
    f.bookings.update(booking.withStatus(BookingStatus.CANCELLED, f.clock.instant())).await();
    f.clock.advance(Duration.ofMinutes(1));

    assertThat(f.janitor.sweep().await().blocksFreed()).isEqualTo(1);
    assertThat(f.schedules.load("room").await().find(booking.id())).isEmpty();
  }

  @Test
  @DisplayName("a provider's cancellation whose release fails: the booking is cancelled, and the janitor frees its "
      + "block though the schedule was not written")
  void cancellationWhoseReleaseFailsIsRepaired() {
    Booking booking = f.bookSlot.book(command("t60", berlin(0, 10, 0), false, 1)).await().bookings().get(0).booking();
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));
    f.janitor.sweep().await();
    assertThat(f.janitor.sweep().await().resourcesLooked()).as("swept, in order and settled").isZero();
    ManageBookingService releaseFails = new ManageBookingService(f.catalog,
        new ScheduleWritesFail(f.schedules, Set.of("room")), f.bookings, f.lock, f.events, f.tokens, f.clock);

    assertThat(releaseFails.cancel("acme", booking.id()).transform(done -> Future.succeededFuture(done.failed()))
        .await()).as("the cancellation fails at its release").isTrue();
    assertThat(f.bookings.findById(booking.id()).await().orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(f.schedules.load("room").await().find(booking.id())).as("the block is still there").isPresent();

    assertThat(f.janitor.sweep().await().blocksFreed()).isEqualTo(1);
    assertThat(f.schedules.load("room").await().find(booking.id())).isEmpty();
  }

  @Test
  @DisplayName("a sweep looks only at marked resources; an idle one, once in order, costs nothing")
  void idleResourcesAreNotLookedAt() {
    f.bookSlot.book(command("t60", berlin(0, 10, 0), false, 1)).await();
    assertThat(f.janitor.sweep().await().resourcesLooked()).as("inside the grace: looked at, kept").isEqualTo(1);
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));
    assertThat(f.janitor.sweep().await().resourcesLooked()).isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      f.clock.advance(Duration.ofMinutes(1));
      assertThat(f.janitor.sweep().await()).isEqualTo(new ScheduleJanitor.Report(0, 0, 0, 0));
    }
    f.bookSlot.book(command("t60", berlin(1, 10, 0), false, 1)).await();
    assertThat(f.janitor.sweep().await().resourcesLooked()).as("a write marks it again").isEqualTo(1);
  }

  @Test
  @DisplayName("a booking whose block moved in an interrupted reschedule takes the block's time")
  void bookingIsRealignedWithItsBlock() {
    Booking booking = f.bookSlot.book(command("t60", berlin(0, 10, 0), false, 1)).await().bookings().get(0).booking();
    TimeRange later = TimeRange.of(berlin(0, 15, 0), Duration.ofHours(1));
    Block moved = new Block(booking.id(), Block.Kind.BOOKING, "t60", later, later, null, f.clock.instant());
    f.schedules.update("room", s -> s.replace(booking.id(), List.of(moved), f.clock.instant())).await();
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));

    assertThat(f.janitor.sweep().await().bookingsRealigned()).isEqualTo(1);
    assertThat(f.bookings.findById(booking.id()).await().orElseThrow().time()).isEqualTo(later);
  }

  @Test
  @DisplayName("an expired hold is marked EXPIRED; live bookings are left alone")
  void expiredHoldIsMarkedExpired() {
    Booking hold = f.bookSlot.book(command("t60", berlin(0, 10, 0), true, 1)).await().bookings().get(0).booking();
    Booking firm = f.bookSlot.book(command("t60", berlin(0, 11, 0), false, 1)).await().bookings().get(0).booking();
    f.clock.advance(Duration.ofMinutes(11));

    ScheduleJanitor.Report report = f.janitor.sweep().await();

    assertThat(report.holdsExpired()).isEqualTo(1);
    assertThat(f.bookings.findById(hold.id()).await().orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
    assertThat(f.bookings.findById(firm.id()).await().orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(f.events.changes()).filteredOn(c -> c.kind() == BookingChange.Kind.EXPIRED)
        .singleElement().satisfies(c -> {
          assertThat(c.booking().id()).isEqualTo(hold.id());
          assertThat(c.booking().status()).isEqualTo(BookingStatus.EXPIRED);
          assertThat(c.previous().status()).isEqualTo(BookingStatus.HELD);
        });
    assertThat(f.janitor.sweep().await()).as("looks again at the room whose held block it freed, changes nothing")
        .isEqualTo(new ScheduleJanitor.Report(0, 0, 0, 1));
    assertThat(f.events.changes()).filteredOn(c -> c.kind() == BookingChange.Kind.EXPIRED).hasSize(1);
  }
}
