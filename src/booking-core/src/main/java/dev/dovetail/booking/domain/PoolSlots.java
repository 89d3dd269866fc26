package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The free slots of a pooled booking type (ADR 43): for an ANY pool the union, for an ALL pool the intersection, of
 * what {@link SlotEngine} offers on each member (each under its own rules, zone and schedule). Pure.
 */
public final class PoolSlots {

  private PoolSlots() {}

  public static List<Slot> freeSlots(
      BookingType type, Duration duration, List<MemberSchedule> members, Instant now, TimeRange window) {
    ResourcePool pool = type.pool();
    Map<Slot, Integer> freeOn = new TreeMap<>(Comparator.comparing(Slot::start).thenComparing(Slot::end));
    for (MemberSchedule member : members) {
      for (Slot slot : SlotEngine.freeSlots(member.resource(), type, duration, member.schedule(), now, window)) {
        freeOn.merge(slot, 1, Integer::sum);
      }
    }
    int needed = pool.mode() == ResourcePool.Mode.ALL ? members.size() : 1;
    List<Slot> slots = new ArrayList<>();
    freeOn.forEach((slot, count) -> {
      if (count >= needed) {
        slots.add(slot);
      }
    });
    return slots;
  }

  /** Whether the pool still offers every wanted time: on one member (ANY) or on every member (ALL). */
  public static boolean offersAll(
      BookingType type, Duration duration, List<MemberSchedule> members, Instant now, List<TimeRange> wanted) {
    Predicate<MemberSchedule> freeForAll =
        m -> wanted.stream().allMatch(t -> isFreeOn(m, type, duration, now, t.start()));
    return type.pool().mode() == ResourcePool.Mode.ALL
        ? members.stream().allMatch(freeForAll)
        : members.stream().anyMatch(freeForAll);
  }

  /** Whether a pooled booking of {@code duration} may start at {@code start} on this member under every rule. */
  public static boolean isFreeOn(MemberSchedule member, BookingType type, Duration duration, Instant now,
      Instant start) {
    return SlotEngine.isFree(member.resource(), type, duration, member.schedule(), now, start);
  }
}
