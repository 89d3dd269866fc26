package dev.dovetail.waitlist.app;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.waitlist.app.WaitlistFixture.BERLIN;
import static dev.dovetail.waitlist.app.WaitlistFixture.tuesday;
import static dev.dovetail.waitlist.app.WaitlistFixture.tuesdayMorning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.PoolMember;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.testkit.TestBookings;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.port.in.Waitlist;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The waitlist of a pooled booking type hears time freed on any of its members, not only its first (ADR 43). */
@DisplayName("Waitlist of a pooled booking type: freed time on any member")
class PooledWaitlistTest {

  private static BookingType pooled(String id, ResourcePool.Mode mode) {
    return TestBookings.simpleType(id, "acme", "room", 60).withPool(new ResourcePool(mode,
        List.of(new PoolMember("room", 0), new PoolMember("room-2", 0)), ResourcePool.Assignment.FIRST_FREE, false,
        ResourcePool.DEFAULT_BALANCE_WINDOW));
  }

  private final WaitlistFixture f = new WaitlistFixture(pooled("any", ResourcePool.Mode.ANY),
      pooled("all", ResourcePool.Mode.ALL));

  PooledWaitlistTest() {
    await(f.resources.insert(TestBookings.officeHours("room-2", "acme", BERLIN)));
  }

  @Test
  @DisplayName("a cancellation on the second member of an ANY pool offers its slot to the type's waiting customer")
  void timeFreedOnTheSecondMemberReachesThePooledWaitlist() {
    List<BookingReceipt.Issued> booked = new ArrayList<>();
    for (int hour : new int[] {9, 9, 10, 10}) {
      booked.add(f.book("any", tuesday(hour, 0), "Guest" + booked.size()));
    }
    BookingReceipt.Issued onSecond = booked.stream()
        .filter(b -> b.booking().resourceId().equals("room-2") && b.booking().time().start().equals(tuesday(9, 0)))
        .findFirst().orElseThrow();
    Waitlist.Joined carol = f.join("any", "Carol", tuesdayMorning());

    await(f.manage.cancel(onSecond.manageToken()));
    assertThat(await(f.backfill.match("room-2"))).as("room-2's own waitlist is empty").isZero();
    assertThat(await(f.backfill.matchFreed("room-2"))).isEqualTo(1);

    WaitlistEntry offered = await(f.waitlist.findById(carol.entry().id())).orElseThrow();
    assertThat(offered.status()).isEqualTo(EntryStatus.OFFERED);
    assertThat(offered.offer().slot().start()).isEqualTo(tuesday(9, 0));
    Booking hold = await(f.bookings.findById(offered.offer().bookingId())).orElseThrow();
    assertThat(hold.resourceId()).isEqualTo("room-2");
  }

  @Test
  @DisplayName("the trigger asks for a match of every member an ALL booking freed, and of an ANY booking's old member")
  void triggerNamesEveryFreedMember() {
    List<String> asked = new ArrayList<>();
    WaitlistTrigger trigger = new WaitlistTrigger(asked::add);
    Booking all = f.book("all", tuesday(9, 0), "Alice").booking();
    Booking any = f.book("any", tuesday(11, 0), "Bob").booking();
    Booking movedAway = any.reassignedTo("room-2", any.time(), f.clock.instant());

    await(trigger.record(List.of(
        new BookingChange(BookingChange.Kind.CANCELLED, all, all, BookingChange.Actor.CUSTOMER))));
    assertThat(asked).containsExactly("room", "room-2");
    asked.clear();
    await(trigger.record(List.of(
        new BookingChange(BookingChange.Kind.RESCHEDULED, movedAway, any, BookingChange.Actor.CUSTOMER))));
    assertThat(asked).containsExactlyInAnyOrder("room-2", "room");

    assertThat(await(f.catalog.typeResourcesUsing("room-2"))).containsExactly("room-2", "room");
    assertThat(await(f.catalog.typeResourcesUsing("room"))).containsExactly("room");
  }
}
