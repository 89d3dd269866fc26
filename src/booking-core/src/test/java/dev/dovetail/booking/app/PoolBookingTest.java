package dev.dovetail.booking.app;

import static dev.dovetail.booking.app.BookingUseCaseFixture.berlin;
import static dev.dovetail.booking.app.BookingUseCaseFixture.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PoolMember;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.SlotQuery;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.ScheduleWritesFail;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Booking types over pools of resources (ADR 43), through the use cases on the in-memory reference adapters. */
class PoolBookingTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

  private static BookingType pooled(String id, ResourcePool.Mode mode, ResourcePool.Assignment rule, boolean pick,
      PoolMember... members) {
    return TestBookings.simpleType(id, "acme", members[0].resourceId(), 60)
        .withPool(new ResourcePool(mode, List.of(members), rule, pick, ResourcePool.DEFAULT_BALANCE_WINDOW));
  }

  private static PoolMember m(String id, int priority) {
    return new PoolMember(id, priority);
  }

  private final BookingUseCaseFixture f = new BookingUseCaseFixture(
      pooled("any", ResourcePool.Mode.ANY, ResourcePool.Assignment.ROUND_ROBIN, false,
          m("room", 0), m("room-2", 0), m("room-3", 0)),
      pooled("first", ResourcePool.Mode.ANY, ResourcePool.Assignment.FIRST_FREE, true,
          m("room-3", 0), m("room", 0), m("room-2", 0)),
      pooled("vip", ResourcePool.Mode.ANY, ResourcePool.Assignment.ROUND_ROBIN, false,
          m("room", 0), m("room-2", 5)),
      pooled("all", ResourcePool.Mode.ALL, ResourcePool.Assignment.FIRST_FREE, false,
          m("room", 0), m("room-2", 0), m("room-3", 0)),
      pooled("all-reversed", ResourcePool.Mode.ALL, ResourcePool.Assignment.FIRST_FREE, false,
          m("room-3", 0), m("room-2", 0), m("room", 0)),
      TestBookings.simpleType("single-2", "acme", "room-2", 60));

  PoolBookingTest() {
    f.resources.insert(TestBookings.officeHours("room-2", "acme", BookingUseCaseFixture.BERLIN)).await();
    f.resources.insert(TestBookings.officeHours("room-3", "acme", BookingUseCaseFixture.BERLIN)).await();
  }

  private Booking book(String type, Instant start) {
    return f.bookSlot.book(command(type, start, false, 1)).await().bookings().get(0).booking();
  }

  private List<Instant> freeStarts(String type) {
    return f.availability.freeSlots(new SlotQuery(type, MONDAY, MONDAY.plusDays(1), BookingUseCaseFixture.BERLIN,
        null)).await().stream().map(Slot::start).toList();
  }

  private List<String> owners(String resourceId) {
    return f.schedules.load(resourceId).await().blocks().stream().map(Block::ownerId).toList();
  }

  @Test
  @DisplayName("N+1 customers racing for one slot of an N-member ANY pool: N get a member each, one gets a 409")
  void racersForAnAnyPoolGetOneMemberEachAndTheLastIsRefused() {
    List<Future<BookingReceipt>> racers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racers.add(f.bookSlot.book(command("any", berlin(0, 10, 0), false, 1)));
    }
    Future.join(racers).otherwiseEmpty().await();

    List<String> assigned = racers.stream().filter(Future::succeeded)
        .map(r -> r.result().bookings().get(0).booking().resourceId()).toList();
    assertThat(assigned).containsExactlyInAnyOrder("room", "room-2", "room-3");
    assertThat(racers.stream().filter(Future::failed).map(Future::cause).toList())
        .singleElement().isInstanceOf(SlotTakenException.class);
    assertThat(freeStarts("any")).doesNotContain(berlin(0, 10, 0)).contains(berlin(0, 11, 0));
  }

  @Test
  @DisplayName("an ANY pool offers the union of its members' slots, an ALL pool their intersection")
  void anyOffersTheUnionAndAllTheIntersection() {
    book("single-2", berlin(0, 9, 0));

    assertThat(freeStarts("any")).contains(berlin(0, 9, 0));
    assertThat(freeStarts("all")).doesNotContain(berlin(0, 9, 0)).contains(berlin(0, 10, 0));
  }

  @Test
  @DisplayName("round-robin assigns the least-booked member in the window, and a higher priority first")
  void roundRobinAssignsTheLeastBookedAndHigherPriorityFirst() {
    assertThat(book("any", berlin(0, 9, 0)).resourceId()).isEqualTo("room");
    assertThat(book("any", berlin(0, 10, 0)).resourceId()).isEqualTo("room-2");
    assertThat(book("any", berlin(0, 11, 0)).resourceId()).isEqualTo("room-3");
    assertThat(book("any", berlin(1, 9, 0)).resourceId()).isEqualTo("room");

    assertThat(book("vip", berlin(2, 9, 0)).resourceId()).isEqualTo("room-2");
    assertThat(book("vip", berlin(2, 10, 0)).resourceId()).isEqualTo("room-2");
  }

  @Test
  @DisplayName("first-free assigns in the provider's order; a customer may pick a member where the type allows it")
  void firstFreeFollowsTheProvidersOrderAndCustomersMayPick() {
    assertThat(book("first", berlin(0, 9, 0)).resourceId()).isEqualTo("room-3");
    assertThat(book("first", berlin(0, 9, 0)).resourceId()).isEqualTo("room");

    Booking picked = f.bookSlot.book(pick("first", berlin(0, 10, 0), "room-2")).await().bookings().get(0).booking();
    assertThat(picked.resourceId()).isEqualTo("room-2");
    assertThatThrownBy(() -> f.bookSlot.book(pick("first", berlin(0, 10, 0), "room-2")).await())
        .isInstanceOf(SlotTakenException.class);
    assertThatThrownBy(() -> f.bookSlot.book(pick("any", berlin(0, 11, 0), "room-2")).await())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("assigns the resource itself");
    assertThatThrownBy(() -> f.bookSlot.book(pick("first", berlin(0, 11, 0), "elsewhere")).await())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a member");
  }

  private static BookSlotCommand pick(String type, Instant start, String member) {
    BookSlotCommand c = command(type, start, false, 1);
    return new BookSlotCommand(c.bookingTypeId(), c.start(), c.duration(), c.customerZone(), c.customerName(),
        c.customerEmail(), false, 1, null, null, member);
  }

  @Test
  @DisplayName("an ALL booking blocks every member; if one member is taken, none is blocked")
  void allBlocksEveryMemberOrNone() {
    Booking all = book("all", berlin(0, 9, 0));
    assertThat(all.resourceIds()).containsExactly("room", "room-2", "room-3");
    assertThat(owners("room")).containsExactly(all.id());
    assertThat(owners("room-2")).containsExactly(all.id());
    assertThat(owners("room-3")).containsExactly(all.id());

    Booking single = book("single-2", berlin(0, 10, 0));
    assertThatThrownBy(() -> book("all", berlin(0, 10, 0))).isInstanceOf(SlotTakenException.class);
    assertThat(owners("room")).containsExactly(all.id());
    assertThat(owners("room-2")).containsExactly(all.id(), single.id());
    assertThat(owners("room-3")).containsExactly(all.id());
  }

  @Test
  @DisplayName("ALL bookings racing over the same members listed in opposite orders: one wins, no partial block")
  void oppositeOrderAllBookingsNeitherDeadlockNorLeaveAPartialBlock() {
    for (int hour = 9; hour < 12; hour++) {
      Future<BookingReceipt> forward = f.bookSlot.book(command("all", berlin(0, hour, 0), false, 1));
      Future<BookingReceipt> reversed = f.bookSlot.book(command("all-reversed", berlin(0, hour, 0), false, 1));
      Future.join(forward, reversed).otherwiseEmpty().await();

      assertThat(List.of(forward.succeeded(), reversed.succeeded())).containsExactlyInAnyOrder(true, false);
      String winner = (forward.succeeded() ? forward : reversed).result().bookings().get(0).booking().id();
      for (String room : List.of("room", "room-2", "room-3")) {
        assertThat(owners(room)).contains(winner).hasSize(hour - 8);
      }
    }
  }

  @Test
  @DisplayName("cancelling an ALL booking frees every member")
  void cancellingAnAllBookingFreesEveryMember() {
    BookingReceipt receipt = f.bookSlot.book(command("all", berlin(0, 9, 0), false, 1)).await();

    f.manage.cancel(receipt.bookings().get(0).manageToken()).await();

    assertThat(owners("room")).isEmpty();
    assertThat(owners("room-2")).isEmpty();
    assertThat(owners("room-3")).isEmpty();
    assertThat(freeStarts("all")).contains(berlin(0, 9, 0));
  }

  @Test
  @DisplayName("an ANY booking reschedules on its own member when free there, else moves to another member")
  void anyRescheduleStaysOnItsMemberOrMoves() {
    BookingReceipt receipt = f.bookSlot.book(command("first", berlin(0, 9, 0), false, 1)).await();
    String token = receipt.bookings().get(0).manageToken();
    assertThat(receipt.bookings().get(0).booking().resourceId()).isEqualTo("room-3");

    Booking same = f.manage.reschedule(token, berlin(0, 10, 0)).await();
    assertThat(same.resourceId()).isEqualTo("room-3");

    Booking other = book("first", berlin(0, 11, 0));
    assertThat(other.resourceId()).isEqualTo("room-3");
    Booking moved = f.manage.reschedule(token, berlin(0, 11, 0)).await();

    assertThat(moved.resourceId()).isEqualTo("room");
    assertThat(moved.resourceIds()).containsExactly("room");
    assertThat(owners("room-3")).containsExactly(other.id());
    assertThat(owners("room")).containsExactly(moved.id());
    assertThat(f.bookings.findById(moved.id()).await().orElseThrow().resourceId()).isEqualTo("room");
  }

  @Test
  @DisplayName("an ANY booking moved to another member whose old member's release fails: the janitor frees the old "
      + "block though that schedule was not written")
  void anyMoveWhoseReleaseFailsIsRepaired() {
    BookingReceipt receipt = f.bookSlot.book(command("first", berlin(0, 9, 0), false, 1)).await();
    Booking booked = receipt.bookings().get(0).booking();
    assertThat(booked.resourceId()).isEqualTo("room-3");
    book("first", berlin(0, 11, 0));
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));
    f.janitor.sweep().await();
    assertThat(f.janitor.sweep().await().resourcesLooked()).as("swept, in order and settled").isZero();
    ManageBookingService releaseFails = new ManageBookingService(f.catalog,
        new ScheduleWritesFail(f.schedules, Set.of("room-3")), f.bookings, f.lock, f.events, f.tokens, f.clock);

    Booking moved = releaseFails.reschedule(receipt.bookings().get(0).manageToken(), berlin(0, 11, 0)).await();
    assertThat(moved.resourceId()).isEqualTo("room");
    assertThat(owners("room-3")).as("the old block is still there").contains(booked.id());

    assertThat(f.janitor.sweep().await().blocksFreed()).isEqualTo(1);
    assertThat(owners("room-3")).doesNotContain(booked.id());
    assertThat(owners("room")).contains(booked.id());
  }

  private BookingType allType() {
    return f.types.findById("all").await().orElseThrow();
  }

  private List<Instant> bookedStarts(String resourceId, String owner) {
    return f.schedules.load(resourceId).await().blocksOf(owner).stream().map(b -> b.booked().start()).toList();
  }

  @Test
  @DisplayName("an ALL booking moves on every member: the new time blocked everywhere, the old time freed everywhere")
  void allRescheduleMovesEveryMember() {
    BookingReceipt receipt = f.bookSlot.book(command("all", berlin(0, 9, 0), false, 1)).await();
    Booking booked = receipt.bookings().get(0).booking();

    Booking moved = f.manage.reschedule(receipt.bookings().get(0).manageToken(), berlin(0, 10, 0)).await();

    assertThat(moved.time().start()).isEqualTo(berlin(0, 10, 0));
    assertThat(moved.resourceIds()).containsExactly("room", "room-2", "room-3");
    assertThat(f.bookings.findById(booked.id()).await().orElseThrow().time()).isEqualTo(moved.time());
    for (String room : List.of("room", "room-2", "room-3")) {
      assertThat(bookedStarts(room, booked.id())).as(room).containsExactly(berlin(0, 10, 0));
    }
    assertThat(freeStarts("all")).contains(berlin(0, 9, 0)).doesNotContain(berlin(0, 10, 0));
    assertThat(f.events.changes()).filteredOn(c -> c.kind() == BookingChange.Kind.RESCHEDULED)
        .singleElement().satisfies(c -> assertThat(c.previous().time()).isEqualTo(booked.time()));
  }

  @Test
  @DisplayName("an ALL move that one member refuses: 409 with alternatives, no new block left on any member")
  void allRescheduleRefusedByOneMemberLeavesNoPartialBlock() {
    BookingReceipt receipt = f.bookSlot.book(command("all", berlin(0, 9, 0), false, 1)).await();
    Booking booked = receipt.bookings().get(0).booking();
    Booking single = book("single-2", berlin(0, 10, 0));

    assertThatThrownBy(() -> f.manage.reschedule(receipt.bookings().get(0).manageToken(), berlin(0, 10, 0)).await())
        .isInstanceOfSatisfying(SlotTakenException.class, e -> assertThat(e.alternatives())
            .isNotEmpty().noneMatch(slot -> slot.start().equals(berlin(0, 10, 0))));

    for (String room : List.of("room", "room-2", "room-3")) {
      assertThat(bookedStarts(room, booked.id())).as(room).containsExactly(berlin(0, 9, 0));
    }
    assertThat(owners("room-2")).containsExactly(booked.id(), single.id());
    assertThat(f.bookings.findById(booked.id()).await().orElseThrow().time()).isEqualTo(booked.time());
    assertThat(f.events.changes()).noneMatch(c -> c.kind() == BookingChange.Kind.RESCHEDULED);
  }

  @Test
  @DisplayName("ALL bookings listed in opposite orders moving onto the same time at once: one moves, no partial block")
  void oppositeOrderAllMovesNeitherDeadlockNorLeaveAPartialBlock() {
    BookingReceipt forward = f.bookSlot.book(command("all", berlin(0, 9, 0), false, 1)).await();
    BookingReceipt reversed = f.bookSlot.book(command("all-reversed", berlin(0, 11, 0), false, 1)).await();

    Future<Booking> a = f.manage.reschedule(forward.bookings().get(0).manageToken(), berlin(0, 10, 0));
    Future<Booking> b = f.manage.reschedule(reversed.bookings().get(0).manageToken(), berlin(0, 10, 0));
    Future.join(a, b).otherwiseEmpty().await();

    assertThat(List.of(a.succeeded(), b.succeeded())).containsExactlyInAnyOrder(true, false);
    assertThat((a.failed() ? a : b).cause()).isInstanceOf(SlotTakenException.class);
    Booking winner = (a.succeeded() ? a : b).result();
    Booking loser = (a.succeeded() ? reversed : forward).bookings().get(0).booking();
    for (String room : List.of("room", "room-2", "room-3")) {
      assertThat(bookedStarts(room, winner.id())).as(room).containsExactly(berlin(0, 10, 0));
      assertThat(bookedStarts(room, loser.id())).as(room).containsExactly(loser.time().start());
    }
  }

  @Test
  @DisplayName("an ALL move interrupted by a crash: after the grace the janitor frees whichever block the booking "
      + "document does not name, and never the one it does")
  void janitorRepairsAnInterruptedAllMove() {
    Booking beforeDocument = book("all", berlin(0, 9, 0));
    Booking afterDocument = book("all", berlin(0, 13, 0));
    Instant now = f.clock.instant();
    Booking newTime = beforeDocument.movedTo(TimeRange.of(berlin(0, 10, 0), Duration.ofHours(1)), now);
    for (String room : List.of("room", "room-2")) {
      f.schedules.update(room, s -> s.placeBeside(Block.forBooking(newTime, allType(), now),
          beforeDocument.time(), now)).await();
    }
    Booking moved = afterDocument.movedTo(TimeRange.of(berlin(0, 14, 0), Duration.ofHours(1)), now);
    for (String room : List.of("room", "room-2", "room-3")) {
      f.schedules.update(room, s -> s.placeBeside(Block.forBooking(moved, allType(), now),
          afterDocument.time(), now)).await();
    }
    f.bookings.update(moved).await();

    f.janitor.sweep().await();
    assertThat(bookedStarts("room", beforeDocument.id())).as("inside the grace").hasSize(2);
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));
    ScheduleJanitor.Report report = f.janitor.sweep().await();

    assertThat(report.blocksFreed()).isEqualTo(5);
    assertThat(report.bookingsRealigned()).isZero();
    for (String room : List.of("room", "room-2", "room-3")) {
      assertThat(bookedStarts(room, beforeDocument.id())).as(room).containsExactly(berlin(0, 9, 0));
      assertThat(bookedStarts(room, afterDocument.id())).as(room).containsExactly(berlin(0, 14, 0));
    }
    assertThat(f.bookings.findById(beforeDocument.id()).await().orElseThrow().time())
        .isEqualTo(beforeDocument.time());
  }

  @Test
  @DisplayName("the janitor frees the partial blocks of an ALL booking that crashed, and a block its booking left")
  void janitorRepairsPartialAllBlocksAndBlocksABookingNoLongerNames() {
    Instant now = f.clock.instant();
    TimeRange time = TimeRange.of(berlin(0, 9, 0), Duration.ofHours(1));
    Block crashed = new Block("crashed-all", Block.Kind.BOOKING, "all", time, time, null, now);
    f.schedules.update("room", s -> s.place(List.of(crashed), now)).await();
    f.schedules.update("room-2", s -> s.place(List.of(crashed), now)).await();
    Booking kept = book("any", berlin(0, 11, 0));
    TimeRange later = TimeRange.of(berlin(0, 14, 0), Duration.ofHours(1));
    Block leftBehind = new Block(kept.id(), Block.Kind.BOOKING, "any", later, later, null, now);
    String elsewhere = kept.resourceId().equals("room-3") ? "room-2" : "room-3";
    f.schedules.update(elsewhere, s -> s.place(List.of(leftBehind), now)).await();

    assertThat(f.janitor.sweep().await().blocksFreed()).isZero();
    f.clock.advance(ScheduleJanitor.GRACE.plusSeconds(1));
    f.janitor.sweep().await();

    assertThat(owners("room")).doesNotContain("crashed-all");
    assertThat(owners("room-2")).doesNotContain("crashed-all");
    assertThat(owners(elsewhere)).isEmpty();
    assertThat(owners(kept.resourceId())).containsExactly(kept.id());
  }
}
