package dev.dovetail.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

  /** Whether a pooled booking of {@code duration} may start at {@code start} on this member under every rule. */
  public static boolean isFreeOn(MemberSchedule member, BookingType type, Duration duration, Instant now,
      Instant start) {
    return SlotEngine.isFree(member.resource(), type, duration, member.schedule(), now, start);
  }
}
