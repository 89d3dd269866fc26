package dev.dovetail.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.port.out.ContractFixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which bookings a resource's calendar shows when bookings come from pools (ADR 43). */
class BookingProjectionTest {

  private final Booking onA = ContractFixtures.confirmed("acme", "room-a", ContractFixtures.BASE, 60);
  private final Booking onB = ContractFixtures.confirmed("acme", "room-b", ContractFixtures.BASE, 60);
  private final Booking onBoth = ContractFixtures.confirmed("acme", "room-a", ContractFixtures.BASE.plusSeconds(7200),
      60).placedOn(List.of("room-a", "room-b"));

  @Test
  @DisplayName("each member's calendar shows the ANY bookings assigned to it and every ALL booking, nothing else")
  void eachMemberShowsOnlyTheBookingsThatBlockIt() {
    List<Booking> all = List.of(onA, onB, onBoth);

    assertThat(BookingProjection.wanted("room-a", all, ContractFixtures.NOW).keySet())
        .containsExactlyInAnyOrder(BookingIcs.object(onA).href(), BookingIcs.object(onBoth).href());
    assertThat(BookingProjection.wanted("room-b", all, ContractFixtures.NOW).keySet())
        .containsExactlyInAnyOrder(BookingIcs.object(onB).href(), BookingIcs.object(onBoth).href());
    assertThat(BookingProjection.wanted("room-c", all, ContractFixtures.NOW)).isEmpty();
  }
}
