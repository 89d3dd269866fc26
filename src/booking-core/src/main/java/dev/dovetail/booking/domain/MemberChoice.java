package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which members of an ANY pool may take a booking, best first (ADR 43). Only members free at every wanted time are
 * listed. FIRST_FREE keeps the provider's order; ROUND_ROBIN puts a higher priority first, then the member with the
 * fewest live bookings of the type starting within the pool's balance window either side of the first wanted time,
 * then the provider's order. The caller tries them in this order, each under its own lock and compare-and-set, so a
 * member taken meanwhile only moves the booking to the next one. Pure.
 */
public final class MemberChoice {

  private MemberChoice() {}

  public static List<String> ranked(BookingType type, Duration duration, List<MemberSchedule> members, Instant now,
      List<TimeRange> wanted) {
    ResourcePool pool = type.pool();
    List<MemberSchedule> free = members.stream()
        .filter(m -> wanted.stream().allMatch(t -> PoolSlots.isFreeOn(m, type, duration, now, t.start())))
        .toList();
    List<String> order = pool.resourceIds();
    Comparator<MemberSchedule> byOrder = Comparator.comparingInt(m -> order.indexOf(m.resource().id()));
    if (pool.assignment() == ResourcePool.Assignment.FIRST_FREE) {
      return free.stream().sorted(byOrder).map(m -> m.resource().id()).toList();
    }
    TimeRange balance = new TimeRange(wanted.get(0).start().minus(pool.balanceWindow()),
        wanted.get(0).start().plus(pool.balanceWindow()));
    Comparator<MemberSchedule> rule = Comparator
        .comparingInt((MemberSchedule m) -> -pool.priorityOf(m.resource().id()))
        .thenComparingLong(m -> bookingsIn(m.schedule(), type.id(), balance, now))
        .thenComparing(byOrder);
    return free.stream().sorted(rule).map(m -> m.resource().id()).toList();
  }

  /** Live bookings of the type on the member whose start lies in {@code window}. */
  public static long bookingsIn(Schedule schedule, String bookingTypeId, TimeRange window, Instant now) {
    return schedule.blocks().stream()
        .filter(b -> b.kind() == Block.Kind.BOOKING && bookingTypeId.equals(b.bookingTypeId()))
        .filter(b -> !b.isExpiredAt(now))
        .filter(b -> !b.booked().start().isBefore(window.start()) && b.booked().start().isBefore(window.end()))
        .count();
  }
}
