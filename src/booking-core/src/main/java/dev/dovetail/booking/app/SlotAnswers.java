package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.MemberSchedule;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.in.FreeTime;
import dev.dovetail.booking.port.in.PublicCatalog.Offer;
import dev.dovetail.booking.port.in.SlotQuery;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This node's computed slot answers (ADR 63). An answer is served again only for the same query, the same offer
 * (type, provider, every member with its rules and zone: compared by value) and the same schedule of every member
 * (the same object, or the same revision and the same blocks), and only while the clock stays in {@code [computedAt,
 * validUntil)}, the span in which the minimum notice, the horizon and expiring holds cannot change it. The caller
 * reads the offer and every member's schedule (a revision read on the store) for each query before asking.
 *
 * <p>Bounded by entry count ({@link #MAX_ENTRIES}) and by weight, the slots, day states and held blocks of every
 * entry ({@link #MAX_WEIGHT} in all, {@link #MAX_ENTRY_WEIGHT} for one); least recently used go first. Thread-safe.
 */
final class SlotAnswers {

  static final int MAX_ENTRIES = 2048;
  static final long MAX_WEIGHT = 400_000;
  static final long MAX_ENTRY_WEIGHT = 20_000;

  private record Entry(Offer offer, List<Schedule> schedules, Instant computedAt, Instant validUntil, FreeTime answer,
      long weight) {}

  private final Map<SlotQuery, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long weight;
  private long hits;
  private long misses;

  /** The answer computed for this query on these inputs if it is still valid at {@code now}, else null. */
  synchronized FreeTime get(SlotQuery query, Offer offer, List<MemberSchedule> members, Instant now) {
    Entry entry = entries.get(query);
    if (entry != null && !now.isBefore(entry.computedAt()) && now.isBefore(entry.validUntil())
        && sameOffer(entry.offer(), offer) && sameSchedules(entry.schedules(), members)) {
      hits++;
      return entry.answer();
    }
    misses++;
    return null;
  }

  /** Keeps {@code answer}, computed at {@code now} on these inputs and valid until {@code validUntil} (exclusive). */
  synchronized void put(SlotQuery query, Offer offer, List<MemberSchedule> members, Instant now, Instant validUntil,
      FreeTime answer) {
    long size = answer.slots().size() + answer.days().size();
    for (MemberSchedule member : members) {
      size += member.schedule().blocks().size();
    }
    if (size > MAX_ENTRY_WEIGHT || !now.isBefore(validUntil)) {
      return;
    }
    Entry old = entries.put(query, new Entry(offer, members.stream().map(MemberSchedule::schedule).toList(), now,
        validUntil, answer, size));
    weight += size - (old == null ? 0 : old.weight());
    Iterator<Entry> eldest = entries.values().iterator();
    while (entries.size() > MAX_ENTRIES || weight > MAX_WEIGHT) {
      weight -= eldest.next().weight();
      eldest.remove();
    }
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }

  synchronized int size() {
    return entries.size();
  }

  private static boolean sameOffer(Offer kept, Offer read) {
    return kept == read || kept.equals(read);
  }

  private static boolean sameSchedules(List<Schedule> kept, List<MemberSchedule> read) {
    if (kept.size() != read.size()) {
      return false;
    }
    for (int i = 0; i < kept.size(); i++) {
      Schedule a = kept.get(i);
      Schedule b = read.get(i).schedule();
      if (a != b && (a.revision() != b.revision() || !a.resourceId().equals(b.resourceId())
          || !a.blocks().equals(b.blocks()))) {
        return false;
      }
    }
    return true;
  }
}
