package dev.dovetail.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The incremental paths of {@link Schedule} (ADR 69) against the straightforward ones: a change checks only the blocks
 * near it, so every place and move is compared with building the whole result through the public constructor, which
 * sorts every block and sweeps them all; the searches are compared with a filter over {@link Schedule#blocks}.
 */
@Label("A resource's schedule, incremental against whole")
class ScheduleFastPathProperties {

  private static final Instant BASE = Instant.parse("2026-10-25T00:00:00Z");
  private static final String RESOURCE = "room";

  /** A block: kind 0 firm booking, 1 hold, 2 busy; minutes from {@link #BASE}; {@code moves} puts it beside its owner. */
  record Spec(int kind, int startMinute, int lengthMinutes, int bufferMinutes, int nanos, int moves) {}

  @Provide
  Arbitrary<List<Spec>> histories() {
    return Combinators.combine(
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 2_000).map(m -> m * 5),
        Arbitraries.of(5, 15, 30, 60, 240, 3_000),
        Arbitraries.of(0, 0, 5, 15),
        Arbitraries.of(0, 0, 0, 1, -1),
        Arbitraries.integers().between(-8, 30))
        .as(Spec::new).list().ofMaxSize(80);
  }

  private static Block block(Spec spec, String owner) {
    Instant start = BASE.plus(Duration.ofMinutes(spec.startMinute())).plusNanos(spec.nanos());
    TimeRange booked = TimeRange.of(start, Duration.ofMinutes(spec.lengthMinutes()));
    Duration buffer = Duration.ofMinutes(spec.bufferMinutes());
    return switch (spec.kind()) {
      case 0 -> new Block(owner, Block.Kind.BOOKING, "type", booked, booked.widen(buffer, buffer), null, BASE);
      case 1 -> new Block(owner, Block.Kind.BOOKING, "type", booked, booked.widen(buffer, buffer),
          BASE.plus(Duration.ofMinutes(spec.startMinute() + 30L)), BASE);
      default -> new Block(owner, Block.Kind.BUSY, null, booked, booked, null, BASE);
    };
  }

  /**
   * The whole result built and checked the straightforward way, or null if the constructor refuses an overlap; in
   * start order, an owner's two blocks starting together ordered by booked time.
   */
  private static List<Block> whole(List<Block> blocks) {
    try {
      List<Block> sorted = new ArrayList<>(new Schedule(RESOURCE, 0, blocks).blocks());
      sorted.sort(Comparator.comparing((Block b) -> b.span().start()).thenComparing(Block::ownerId)
          .thenComparing(b -> b.booked().start()).thenComparing(b -> b.booked().end()));
      return sorted;
    } catch (IllegalStateException overlap) {
      return null;
    }
  }

  @Property(tries = 300)
  @Label("places and moves exactly what rebuilding the whole schedule accepts, and holds the same blocks in order")
  void placeAndMoveAgreeWithTheWholeCheck(@ForAll("histories") List<Spec> history) {
    Schedule schedule = Schedule.empty(RESOURCE);
    int serial = 0;
    for (Spec spec : history) {
      Schedule shown = schedule;
      List<Block> have = schedule.blocks();
      List<Block> bookings = have.stream().filter(b -> b.kind() == Block.Kind.BOOKING
          && shown.blocksOf(b.ownerId()).size() == 1).toList();
      if (spec.moves() >= 0 && spec.moves() < bookings.size()) {
        Block current = bookings.get(spec.moves());
        Block moved = block(new Spec(0, spec.startMinute(), spec.lengthMinutes(), spec.bufferMinutes(), spec.nanos(),
            -1), current.ownerId());
        if (moved.booked().equals(current.booked())) {
          continue;
        }
        List<Block> expected = whole(plus(have, moved));
        if (expected == null) {
          Schedule before = schedule;
          assertThatThrownBy(() -> before.placeBeside(moved, current.booked(), BASE))
              .isInstanceOf(SlotUnavailableException.class);
          continue;
        }
        Schedule next = schedule.placeBeside(moved, current.booked(), BASE);
        assertThat(next.blocks()).containsExactlyElementsOf(expected);
        TimeRange kept = spec.nanos() == 0 ? moved.booked() : current.booked();
        next = next.keepOnly(current.ownerId(), kept, BASE);
        assertThat(next.blocksOf(current.ownerId())).extracting(Block::booked).containsExactly(kept);
        assertThat(next.blocks()).containsExactlyElementsOf(whole(next.blocks()));
        assertSearchesAgree(next, schedule);
        schedule = next;
      } else {
        Block added = block(spec, "o" + serial++);
        List<Block> expected = whole(plus(have, added));
        if (expected == null) {
          Schedule before = schedule;
          assertThatThrownBy(() -> before.place(List.of(added), BASE)).isInstanceOf(SlotUnavailableException.class);
          continue;
        }
        Schedule next = schedule.place(List.of(added), BASE);
        assertThat(next.blocks()).containsExactlyElementsOf(expected);
        assertSearchesAgree(next, schedule);
        schedule = next;
      }
    }
  }

  @Property(tries = 200)
  @Label("releases, confirms and prunes to what filtering the whole block list gives")
  void releaseConfirmAndPruneAgreeWithAFilter(@ForAll("histories") List<Spec> history) {
    Schedule schedule = Schedule.empty(RESOURCE);
    int serial = 0;
    for (Spec spec : history) {
      Block added = block(spec, "o" + serial++);
      if (whole(plus(schedule.blocks(), added)) != null) {
        schedule = schedule.place(List.of(added), BASE);
      }
    }
    List<Block> all = schedule.blocks();
    for (int i = 0; i < all.size(); i += 3) {
      String owner = all.get(i).ownerId();
      Schedule released = schedule.release(owner, BASE);
      assertThat(released.blocks()).containsExactlyElementsOf(
          all.stream().filter(b -> !b.ownerId().equals(owner)).toList());
      assertSearchesAgree(released, schedule);
      Schedule confirmed = schedule.confirm(owner, BASE);
      assertThat(confirmed.blocks()).containsExactlyElementsOf(
          all.stream().map(b -> b.ownerId().equals(owner) ? b.confirmed() : b).toList());
      assertSearchesAgree(confirmed, schedule);
    }
    for (int minutes : new int[] {0, 600, 6_000, 12_000, 20_000}) {
      Instant at = BASE.plus(Duration.ofMinutes(minutes));
      Schedule pruned = schedule.pruned(at);
      assertThat(pruned.blocks()).containsExactlyElementsOf(all.stream()
          .filter(b -> !b.isExpiredAt(at) && b.span().end().isAfter(at.minus(Schedule.RETENTION))).toList());
      assertThat(schedule.nextExpiry(at)).isEqualTo(all.stream().map(Block::expiresAt)
          .filter(e -> e != null && at.isBefore(e)).min(Comparator.naturalOrder()).orElse(Instant.MAX));
    }
  }

  /** The searches of {@code s} answer what a filter over its blocks answers; its changes since {@code before} too. */
  private static void assertSearchesAgree(Schedule s, Schedule before) {
    List<Block> all = s.blocks();
    for (int m = 0; m < 10_000; m += 997) {
      TimeRange range = TimeRange.of(BASE.plus(Duration.ofMinutes(m)), Duration.ofMinutes(m % 7 * 100 + 1));
      assertThat(s.overlapping(range)).containsExactlyElementsOf(
          all.stream().filter(b -> b.span().overlaps(range)).toList());
      Instant to = range.start().plus(Duration.ofDays(1));
      assertThat(s.startingBetween(range.start(), to)).containsExactlyElementsOf(all.stream()
          .filter(b -> !b.span().start().isBefore(range.start()) && b.span().start().isBefore(to)).toList());
    }
    for (String prefix : new String[] {"o", "o1", "o2", "o10", "x"}) {
      assertThat(s.blocksOfOwnersStartingWith(prefix)).containsExactlyInAnyOrderElementsOf(
          all.stream().filter(b -> b.ownerId().startsWith(prefix)).toList());
    }
    Set<Block> added = new HashSet<>();
    Set<Block> removed = new HashSet<>();
    s.changesSince(before, added::add, removed::add);
    Set<Block> now = new HashSet<>(all);
    Set<Block> then = new HashSet<>(before.blocks());
    assertThat(added).isEqualTo(minus(now, then));
    assertThat(removed).isEqualTo(minus(then, now));
  }

  private static Set<Block> minus(Set<Block> a, Set<Block> b) {
    Set<Block> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static List<Block> plus(List<Block> blocks, Block added) {
    List<Block> out = new ArrayList<>(blocks);
    out.add(added);
    return out;
  }
}
