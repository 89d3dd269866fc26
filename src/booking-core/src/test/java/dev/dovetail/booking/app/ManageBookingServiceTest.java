package dev.dovetail.booking.app;

import static dev.dovetail.booking.app.BookingUseCaseFixture.berlin;
import static dev.dovetail.booking.app.BookingUseCaseFixture.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.SlotQuery;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.testkit.TestBookings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManageBookingServiceTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

  private static BookingType thirtyWithBuffer() {
    BookingType t = TestBookings.simpleType("t30", "acme", "room", 30);
    return new BookingType(t.id(), t.providerId(), t.resourceId(), t.name(), t.durations(), t.slotInterval(),
        Duration.ZERO, Duration.ofMinutes(10), t.minimumNotice(), t.horizon(), 0, 0, t.price(), t.payment(),
        t.cancellationPolicy(), t.holdDuration());
  }

  private final BookingUseCaseFixture f = new BookingUseCaseFixture(thirtyWithBuffer());

  private BookingReceipt.Issued book(Instant start) {
    return f.bookSlot.book(command("t30", start, false, 1)).await().bookings().get(0);
  }

  private List<Instant> freeStarts() {
    return f.availability.freeSlots(new SlotQuery("t30", MONDAY, MONDAY.plusDays(1), ZoneId.of("UTC"), null))
        .await().stream().map(Slot::start).toList();
  }

  @Test
  @DisplayName("cancelling through the manage token frees the slot for the next customer")
  void cancelFreesTheSlot() {
    BookingReceipt.Issued issued = book(berlin(0, 9, 0));

    Booking cancelled = f.manage.cancel(issued.manageToken()).await();

    assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(cancelled.revision()).isEqualTo(1);
    assertThat(freeStarts()).contains(berlin(0, 9, 0), berlin(0, 9, 30));
    assertThat(book(berlin(0, 9, 0)).booking().status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThatThrownBy(() -> f.manage.cancel(issued.manageToken()).await())
        .as("cancelling twice").isInstanceOf(ConflictException.class);
    assertThat(f.events.changes()).extracting(BookingChange::kind, BookingChange::actor).containsExactly(
        tuple(BookingChange.Kind.BOOKED, BookingChange.Actor.CUSTOMER),
        tuple(BookingChange.Kind.CANCELLED, BookingChange.Actor.CUSTOMER),
        tuple(BookingChange.Kind.BOOKED, BookingChange.Actor.CUSTOMER));
  }

  @Test
  @DisplayName("a customer's cancellation reason is kept with the booking, stripped; too long or with controls is refused")
  void cancellationReasonIsKept() {
    BookingReceipt.Issued refused = book(berlin(0, 9, 0));
    assertThatThrownBy(() -> f.manage.cancelBecause(refused.manageToken(), "x".repeat(501)).await())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 500");
    assertThatThrownBy(() -> f.manage.cancelBecause(refused.manageToken(), "a\u0000b").await())
        .isInstanceOf(InvalidRequestException.class);
    assertThat(f.bookings.findById(refused.booking().id()).await().orElseThrow().status())
        .as("nothing cancelled").isEqualTo(BookingStatus.CONFIRMED);

    Booking cancelled = f.manage.cancelBecause(refused.manageToken(), "  Ill, sorry.\r\nNext month?  ").await();
    assertThat(cancelled.cancellationReason()).isEqualTo("Ill, sorry.\nNext month?");
    assertThat(f.bookings.findById(cancelled.id()).await().orElseThrow().cancellationReason())
        .isEqualTo("Ill, sorry.\nNext month?");
    Booking silent = f.manage.cancelBecause(book(berlin(0, 10, 0)).manageToken(), "   ").await();
    assertThat(silent.cancellationReason()).isNull();
  }

  @Test
  @DisplayName("a wrong or malformed manage token finds nothing")
  void wrongTokenFindsNothing() {
    BookingReceipt.Issued issued = book(berlin(0, 9, 0));
    String id = issued.booking().id();
    for (String token : new String[] {id + ".wrong", id, "", ".x", "nope.nope", issued.manageToken() + "x"}) {
      assertThatThrownBy(() -> f.manage.find(token).await()).as(token).isInstanceOf(NotFoundException.class);
    }
    assertThat(f.manage.find(issued.manageToken()).await().id()).isEqualTo(id);
  }

  @Test
  @DisplayName("rescheduling takes the new slot and frees the old one in one step")
  void rescheduleMovesTheBooking() {
    BookingReceipt.Issued issued = book(berlin(0, 9, 0));

    Booking moved = f.manage.reschedule(issued.manageToken(), berlin(0, 15, 0)).await();

    assertThat(moved.time().start()).isEqualTo(berlin(0, 15, 0));
    assertThat(moved.revision()).isEqualTo(1);
    BookingChange change = f.events.changes().get(1);
    assertThat(change.kind()).isEqualTo(BookingChange.Kind.RESCHEDULED);
    assertThat(change.previous().time().start()).isEqualTo(berlin(0, 9, 0));
    assertThat(change.booking()).isEqualTo(moved);
    assertThat(freeStarts()).contains(berlin(0, 9, 0)).doesNotContain(berlin(0, 15, 0), berlin(0, 15, 30));
    assertThat(f.schedules.load("room").await().blocks()).extracting(Block::ownerId)
        .containsExactly(issued.booking().id());
  }

  @Test
  @DisplayName("rescheduling onto a slot that overlaps only the booking itself is allowed")
  void rescheduleMayOverlapItsOwnOldTime() {
    BookingReceipt.Issued issued = book(berlin(0, 9, 0));

    Booking moved = f.manage.reschedule(issued.manageToken(), berlin(0, 9, 30)).await();

    assertThat(moved.time().start()).isEqualTo(berlin(0, 9, 30));
    assertThat(f.schedules.load("room").await().blocks()).hasSize(1);
    assertThat(freeStarts()).as("09:30-10:00 plus its buffer blocks 09:00 and 10:00, not 10:30")
        .doesNotContain(berlin(0, 9, 0), berlin(0, 10, 0)).contains(berlin(0, 10, 30));
  }

  @Test
  @DisplayName("rescheduling onto a taken slot changes nothing and offers alternatives")
  void rescheduleOntoTakenSlotKeepsTheOriginal() {
    BookingReceipt.Issued mine = book(berlin(0, 9, 0));
    book(berlin(0, 11, 0));

    assertThatThrownBy(() -> f.manage.reschedule(mine.manageToken(), berlin(0, 11, 0)).await())
        .isInstanceOfSatisfying(SlotTakenException.class, e -> assertThat(e.alternatives()).isNotEmpty());

    assertThat(f.manage.find(mine.manageToken()).await().time().start()).isEqualTo(berlin(0, 9, 0));
    assertThat(f.schedules.load("room").await().find(mine.booking().id()).orElseThrow().booked().start())
        .isEqualTo(berlin(0, 9, 0));
  }

  @Test
  @DisplayName("a provider sees and cancels only its own bookings")
  void providerActionsAreTenantScoped() {
    BookingReceipt.Issued issued = book(berlin(0, 9, 0));
    String id = issued.booking().id();

    assertThatThrownBy(() -> f.manage.get("other", id).await()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.manage.cancel("other", id).await()).isInstanceOf(NotFoundException.class);
    assertThat(f.manage.cancel("acme", id).await().status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(f.events.changes().get(1).actor()).isEqualTo(BookingChange.Actor.PROVIDER);
  }
}
