package dev.dovetail.booking.app;

import static dev.dovetail.booking.app.BookingUseCaseFixture.berlin;
import static dev.dovetail.booking.app.BookingUseCaseFixture.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BusyInterval;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.ScheduleView;
import dev.dovetail.booking.port.in.ScheduleView.Clash;
import dev.dovetail.booking.port.in.ScheduleView.Entry;
import dev.dovetail.booking.port.in.ScheduleView.Kind;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.TestBookings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderCalendarServiceTest {

  private final BookingUseCaseFixture f =
      new BookingUseCaseFixture(TestBookings.simpleType("t30", "acme", "room", 30));
  private final ProviderCalendarService calendar =
      new ProviderCalendarService(f.catalog, f.schedules, f.bookSlot, f.clock);
  /** Monday 2026-11-23, midnight to midnight in Berlin. */
  private final TimeRange monday = new TimeRange(berlin(0, 0, 0), berlin(1, 0, 0));

  private void busy(String owner, Instant start, Instant end) {
    f.schedules.update("room", s -> s.place(List.of(Block.forBusy(
        new BusyInterval(owner, "room", new TimeRange(start, end), "x"), f.clock.instant())), f.clock.instant()))
        .await();
  }

  private ScheduleView.ResourceSchedule room(TimeRange window) {
    return calendar.schedule("acme", null, window).await().resources().get(0);
  }

  @Test
  @DisplayName("a day's view shows the opening hours without the break, a booking, a hold with its expiry and busy time by source")
  void scheduleShowsHoursBookingsHoldsAndBusyTime() {
    Booking booked = f.bookSlot.book(command("t30", berlin(0, 9, 0), false, 1)).await().bookings().get(0).booking();
    Booking held = f.bookSlot.book(command("t30", berlin(0, 10, 0), true, 1)).await().bookings().get(0).booking();
    busy("caldav:dentist.ics#0", berlin(0, 14, 0), berlin(0, 15, 0));
    busy("google:primary:ev1#0", berlin(0, 16, 0), berlin(0, 16, 30));

    ScheduleView.ResourceSchedule room = room(monday);

    assertThat(room.zone()).isEqualTo(BookingUseCaseFixture.BERLIN);
    assertThat(room.open()).containsExactly(
        new TimeRange(berlin(0, 9, 0), berlin(0, 12, 0)), new TimeRange(berlin(0, 13, 0), berlin(0, 17, 0)));
    assertThat(room.entries()).extracting(Entry::kind, e -> e.time().start(), Entry::bookingId, Entry::source)
        .containsExactly(
            tuple(Kind.BOOKING, berlin(0, 9, 0), booked.id(), null),
            tuple(Kind.HOLD, berlin(0, 10, 0), held.id(), null),
            tuple(Kind.BUSY, berlin(0, 14, 0), null, "caldav"),
            tuple(Kind.BUSY, berlin(0, 16, 0), null, "google"));
    assertThat(room.entries().get(1).expiresAt()).isEqualTo(held.holdExpiresAt());
    assertThat(room.entries()).extracting(Entry::clash).containsOnlyNulls();
  }

  @Test
  @DisplayName("overlapping busy time and a booking outside the opening hours are marked as clashes")
  void clashesAreMarked() {
    busy("caldav:a.ics#0", berlin(0, 14, 0), berlin(0, 15, 0));
    busy("outlook:cal:b#0", berlin(0, 14, 30), berlin(0, 15, 30));
    // A booking over lunch can exist when the hours changed after it was booked: place its block directly.
    Booking lunch = f.bookSlot.book(command("t30", berlin(0, 11, 0), false, 1)).await().bookings().get(0).booking();
    f.schedules.update("room", s -> s.replace(lunch.id(), List.of(new Block(lunch.id(), Block.Kind.BOOKING, "t30",
        new TimeRange(berlin(0, 12, 0), berlin(0, 12, 30)), new TimeRange(berlin(0, 12, 0), berlin(0, 12, 30)), null,
        f.clock.instant())), f.clock.instant())).await();

    assertThat(room(monday).entries()).extracting(Entry::source, Entry::clash).containsExactly(
        tuple(null, Clash.OUTSIDE_HOURS), tuple("caldav", Clash.OVERLAP), tuple("outlook", Clash.OVERLAP));
  }

  @Test
  @DisplayName("expired holds and blocks outside the window are left out; a holiday has no open time")
  void windowAndExpiryBoundTheView() {
    f.bookSlot.book(command("t30", berlin(0, 10, 0), true, 1)).await();
    f.bookSlot.book(command("t30", berlin(1, 10, 0), false, 1)).await();
    f.clock.advance(Duration.ofHours(1));

    ScheduleView.ResourceSchedule room = room(monday);

    assertThat(room.entries()).isEmpty();
    assertThat(room(new TimeRange(berlin(5, 0, 0), berlin(7, 0, 0))).open()).isEmpty(); // the weekend
  }

  @Test
  @DisplayName("a range over 31 days is refused, and another provider's resource is not found")
  void boundsAndTenantIsolation() {
    f.providers.insert(new Provider("other", "Other", "o@other.test", BookingUseCaseFixture.BERLIN,
        f.clock.instant())).await();

    assertThatThrownBy(() -> calendar.schedule("acme", null,
        TimeRange.of(monday.start(), Duration.ofDays(32))).await()).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> calendar.schedule("other", "room", monday).await())
        .isInstanceOf(NotFoundException.class);
    assertThat(calendar.schedule("other", null, monday).await().resources()).isEmpty();
  }

  @Test
  @DisplayName("a booking taken by the provider goes through the guarded path, and only with its own booking type")
  void providerBooksForACustomer() {
    f.providers.insert(new Provider("other", "Other", "o@other.test", BookingUseCaseFixture.BERLIN,
        f.clock.instant())).await();

    BookingReceipt receipt = calendar.book("acme", command("t30", berlin(0, 9, 0), false, 1)).await();

    assertThat(receipt.bookings().get(0).booking().status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(f.events.changes()).extracting(BookingChange::kind).containsExactly(BookingChange.Kind.BOOKED);
    assertThatThrownBy(() -> calendar.book("acme", command("t30", berlin(0, 9, 0), false, 1)).await())
        .isInstanceOf(SlotTakenException.class);
    assertThatThrownBy(() -> calendar.book("other", command("t30", berlin(0, 10, 0), false, 1)).await())
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("the provider moves its booking to a free time, recorded as the provider's change; another provider cannot")
  void providerMovesABooking() {
    Booking booked = f.bookSlot.book(command("t30", berlin(0, 9, 0), false, 1)).await().bookings().get(0).booking();
    f.bookSlot.book(command("t30", berlin(0, 10, 0), false, 1)).await();

    Booking moved = f.manage.reschedule("acme", booked.id(), berlin(0, 14, 0)).await();

    assertThat(moved.time().start()).isEqualTo(berlin(0, 14, 0));
    assertThat(f.events.changes().get(f.events.changes().size() - 1).actor()).isEqualTo(BookingChange.Actor.PROVIDER);
    assertThat(room(monday).entries()).extracting(e -> e.time().start())
        .containsExactly(berlin(0, 10, 0), berlin(0, 14, 0));
    assertThatThrownBy(() -> f.manage.reschedule("acme", booked.id(), berlin(0, 10, 0)).await())
        .isInstanceOf(SlotTakenException.class);
    assertThatThrownBy(() -> f.manage.reschedule("other", booked.id(), berlin(0, 15, 0)).await())
        .isInstanceOf(NotFoundException.class);
  }
}
