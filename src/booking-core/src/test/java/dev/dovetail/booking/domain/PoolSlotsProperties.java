package dev.dovetail.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Scenarios.PoolScenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Pools (ADR 43) against a brute-force model on random schedules: each member's free slots come from the
 * minute-by-minute {@link ReferenceSlots}; an ANY pool must offer exactly their union, an ALL pool exactly their
 * intersection, and {@link MemberChoice} must rank exactly the members free at the time, in the pool's rule order.
 */
@Label("Resource pools")
class PoolSlotsProperties {

  private static final int TRIES = 120;
  private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::start).thenComparing(Slot::end);

  @Provide
  Arbitrary<PoolScenario> pools() {
    return Scenarios.poolScenarios(4, 4, 16);
  }

  @Property(tries = TRIES)
  @Label("offer the union (ANY) or the intersection (ALL) of the members' free slots")
  void poolSlotsAreTheUnionOrIntersectionOfTheMembersFreeSlots(@ForAll("pools") PoolScenario pool) {
    List<Slot> offered = PoolSlots.freeSlots(pool.type(), pool.base().duration(), pool.members(), pool.base().now(),
        pool.base().window());
    assertThat(offered).as(pool.toString()).containsExactlyElementsOf(model(pool));
  }

  @Property(tries = TRIES)
  @Label("rank for assignment exactly the members free at the time, in the pool's rule order")
  void assignmentRanksExactlyTheFreeMembersByTheRule(@ForAll("pools") PoolScenario pool) {
    List<Slot> candidates = new ArrayList<>();
    pool.members().forEach(m -> candidates.addAll(referenceSlots(pool, m)));
    for (Slot slot : candidates.stream().distinct().limit(20).toList()) {
      List<MemberSchedule> free = pool.members().stream()
          .filter(m -> referenceSlots(pool, m).contains(slot))
          .toList();
      List<String> ranked = MemberChoice.ranked(pool.type(), pool.base().duration(), pool.members(),
          pool.base().now(), List.of(slot.range()));
      assertThat(ranked).as("%s at %s", pool, slot).containsExactlyElementsOf(modelRanking(pool, free, slot));
    }
  }

  private static List<Slot> model(PoolScenario pool) {
    Set<Slot> result = null;
    for (MemberSchedule member : pool.members()) {
      Set<Slot> free = new TreeSet<>(ORDER);
      free.addAll(referenceSlots(pool, member));
      if (result == null) {
        result = free;
      } else if (pool.type().pool().mode() == ResourcePool.Mode.ANY) {
        result.addAll(free);
      } else {
        result.retainAll(free);
      }
    }
    return List.copyOf(result);
  }

  /** The rule written out plainly: FIRST_FREE in pool order; ROUND_ROBIN by priority, bookings counted, order. */
  private static List<String> modelRanking(PoolScenario pool, List<MemberSchedule> free, Slot slot) {
    ResourcePool rules = pool.type().pool();
    List<String> order = rules.resourceIds();
    List<MemberSchedule> sorted = new ArrayList<>(free);
    if (rules.assignment() == ResourcePool.Assignment.FIRST_FREE) {
      sorted.sort(Comparator.comparingInt(m -> order.indexOf(m.resource().id())));
    } else {
      sorted.sort(Comparator.comparingInt((MemberSchedule m) -> -rules.priorityOf(m.resource().id()))
          .thenComparingLong(m -> countOwnBookings(pool, m, slot.start()))
          .thenComparingInt(m -> order.indexOf(m.resource().id())));
    }
    return sorted.stream().map(m -> m.resource().id()).toList();
  }

  /** Live bookings of the type starting within the balance window either side of {@code start}, one by one. */
  private static long countOwnBookings(PoolScenario pool, MemberSchedule member, Instant start) {
    Instant from = start.minus(pool.type().pool().balanceWindow());
    Instant to = start.plus(pool.type().pool().balanceWindow());
    long count = 0;
    for (Block b : member.schedule().blocks()) {
      boolean own = b.kind() == Block.Kind.BOOKING && pool.type().id().equals(b.bookingTypeId());
      boolean live = b.expiresAt() == null || pool.base().now().isBefore(b.expiresAt());
      Instant booked = b.booked().start();
      if (own && live && !booked.isBefore(from) && booked.isBefore(to)) {
        count++;
      }
    }
    return count;
  }

  private static List<Slot> referenceSlots(PoolScenario pool, MemberSchedule member) {
    return ReferenceSlots.freeSlots(member.resource(), pool.type(), pool.base().duration(), member.schedule(),
        pool.base().now(), pool.base().window());
  }
}
