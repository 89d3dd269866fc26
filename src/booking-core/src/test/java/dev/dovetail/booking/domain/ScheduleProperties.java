package dev.dovetail.booking.domain;

import static dev.dovetail.booking.domain.Fixtures.overlap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The no-overlap invariant of {@link Schedule} under random sequences of place, release, replace, confirm and prune
 * while time moves on, checked against a plain list model and by comparing every pair of blocks.
 */
@Label("A resource's schedule")
class ScheduleProperties {

  private static final Instant BASE = Instant.parse("2026-10-25T00:00:00Z");
  private static final BookingType TYPE = Fixtures.plainType(30);

  enum Kind { FIRM, HOLD, BUSY }

  /** A block to add: times in minutes from {@link #BASE}; {@code reuse} >= 0 takes an existing owner's id. */
  record Spec(Kind kind, int startMinute, int lengthMinutes, int bufferMinutes, int holdMinutes, int nanos, int reuse) {}

  sealed interface Op permits Place, Release, Replace, Confirm, Prune, Tick {}

  record Place(List<Spec> blocks) implements Op {}

  record Release(int pick) implements Op {}

  record Replace(int pick, Spec block) implements Op {}

  record Confirm(int pick) implements Op {}

  record Prune() implements Op {}

  record Tick(long seconds) implements Op {}

  @Provide
  Arbitrary<Spec> specs() {
    return Combinators.combine(
        Arbitraries.of(Kind.class),
        Arbitraries.integers().between(0, 240).map(m -> m * 5),
        Arbitraries.of(5, 15, 30, 60, 90, 240),
        Arbitraries.of(0, 0, 5, 15),
        Arbitraries.integers().between(1, 90),
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, 1, 999, 1_000_001))),
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, Arbitraries.just(-1)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 50))))
        .as(Spec::new);
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 60);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, specs().list().ofMinSize(1).ofMaxSize(3).map(Place::new)),
        net.jqwik.api.Tuple.of(2, pick.map(Release::new)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(pick, specs()).as(Replace::new)),
        net.jqwik.api.Tuple.of(2, pick.map(Confirm::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Prune())),
        net.jqwik.api.Tuple.of(3, Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(1, 3600)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(9 * 86_400L))).map(Tick::new)));
    return op.list().ofMinSize(1).ofMaxSize(40);
  }

  /** Builds the block a spec describes at {@code now}, with a fresh owner id unless it reuses one. */
  private static Block block(Spec spec, Instant now, List<String> owners, int serial) {
    String owner = spec.reuse() >= 0 && !owners.isEmpty() ? owners.get(spec.reuse() % owners.size()) : "o" + serial;
    Instant start = BASE.plus(Duration.ofMinutes(spec.startMinute())).plusNanos(spec.nanos());
    TimeRange booked = TimeRange.of(start, Duration.ofMinutes(spec.lengthMinutes()));
    Duration buffer = Duration.ofMinutes(spec.bufferMinutes());
    return switch (spec.kind()) {
      case FIRM -> new Block(owner, Block.Kind.BOOKING, TYPE.id(), booked, booked.widen(buffer, buffer), null, now);
      case HOLD -> new Block(owner, Block.Kind.BOOKING, TYPE.id(), booked, booked.widen(buffer, buffer),
          now.plus(Duration.ofMinutes(spec.holdMinutes())), now);
      case BUSY -> new Block(owner, Block.Kind.BUSY, null, booked, booked, null, now);
    };
  }

  // ---- the model: a plain list, with the rules written out the long way ----

  private static List<Block> modelPrune(List<Block> blocks, Instant now) {
    Instant keepAfter = now.minus(Duration.ofDays(8));
    return blocks.stream()
        .filter(b -> b.expiresAt() == null || now.isBefore(b.expiresAt()))
        .filter(b -> b.span().end().isAfter(keepAfter))
        .toList();
  }

  private static boolean clash(List<Block> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      for (int j = i + 1; j < blocks.size(); j++) {
        Block a = blocks.get(i);
        Block b = blocks.get(j);
        boolean eitherIsBooking = a.kind() == Block.Kind.BOOKING || b.kind() == Block.Kind.BOOKING;
        if (eitherIsBooking && overlap(a.span(), b.span())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean owns(List<Block> blocks, String owner) {
    return blocks.stream().anyMatch(b -> b.ownerId().equals(owner));
  }

  /** The model's outcome: the next block list, or the exception type the schedule must throw. */
  private record Outcome(List<Block> next, Class<? extends RuntimeException> refusal) {
    static Outcome ok(List<Block> next) {
      return new Outcome(next, null);
    }

    static Outcome refused(Class<? extends RuntimeException> type) {
      return new Outcome(null, type);
    }
  }

  private static Outcome modelPlace(List<Block> base, List<Block> added) {
    if (added.stream().anyMatch(b -> owns(base, b.ownerId()))) {
      return Outcome.refused(ConflictException.class);
    }
    List<Block> next = new ArrayList<>(base);
    next.addAll(added);
    return clash(next) ? Outcome.refused(SlotUnavailableException.class) : Outcome.ok(next);
  }

  private static void assertInvariant(Schedule schedule) {
    List<Block> blocks = schedule.blocks();
    assertThat(clash(blocks)).as("pairwise overlap in %s", blocks).isFalse();
    Set<String> owners = new HashSet<>();
    blocks.forEach(b -> assertThat(owners.add(b.ownerId())).as("unique owner %s", b.ownerId()).isTrue());
    for (int i = 1; i < blocks.size(); i++) {
      assertThat(blocks.get(i - 1).span().start()).isBeforeOrEqualTo(blocks.get(i).span().start());
    }
  }

  @Property(tries = 300)
  @Label("never holds two overlapping blocks, and every operation does exactly what a plain list model says")
  void randomOperationsNeverProduceAnOverlap(@ForAll("operations") List<Op> ops) {
    Schedule schedule = Schedule.empty(Fixtures.RESOURCE);
    List<Block> model = List.of();
    List<String> owners = new ArrayList<>();
    Instant now = BASE.minus(Duration.ofHours(1));
    int serial = 0;
    for (Op op : ops) {
      Outcome expected;
      Supplier<Schedule> actual;
      Schedule current = schedule;
      Instant at = now;
      List<Block> base = modelPrune(model, now);
      if (op instanceof Tick t) {
        now = now.plusSeconds(t.seconds());
        continue;
      } else if (op instanceof Place p) {
        List<Block> added = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Spec spec : p.blocks()) {
          Block b = block(spec, now, owners, serial++);
          if (ids.add(b.ownerId())) {
            added.add(b);
          }
        }
        added.forEach(b -> owners.add(b.ownerId()));
        expected = modelPlace(base, added);
        actual = () -> current.place(added, at);
      } else if (op instanceof Release r) {
        String owner = pick(owners, r.pick());
        expected = Outcome.ok(base.stream().filter(b -> !b.ownerId().equals(owner)).toList());
        actual = () -> current.release(owner, at);
      } else if (op instanceof Replace r) {
        String owner = pick(owners, r.pick());
        Spec spec = r.block();
        Block moved = block(new Spec(spec.kind(), spec.startMinute(), spec.lengthMinutes(), spec.bufferMinutes(),
            spec.holdMinutes(), spec.nanos(), 0), now, List.of(owner), serial++);
        expected = owns(base, owner)
            ? modelPlace(base.stream().filter(b -> !b.ownerId().equals(owner)).toList(), List.of(moved))
            : Outcome.refused(ConflictException.class);
        actual = () -> current.replace(owner, List.of(moved), at);
      } else if (op instanceof Confirm c) {
        String owner = pick(owners, c.pick());
        expected = owns(base, owner)
            ? Outcome.ok(base.stream().map(b -> b.ownerId().equals(owner) ? b.confirmed() : b).toList())
            : Outcome.refused(ConflictException.class);
        actual = () -> current.confirm(owner, at);
      } else {
        expected = Outcome.ok(base);
        actual = () -> current.pruned(at);
      }
      List<Block> before = schedule.blocks();
      if (expected.refusal() != null) {
        assertThatThrownBy(actual::get).as("%s at %s on %s", op, now, before).isInstanceOf(expected.refusal());
        assertThat(schedule.blocks()).isEqualTo(before);
      } else {
        Schedule next = actual.get();
        assertThat(new HashSet<>(next.blocks())).as("%s at %s on %s", op, now, before)
            .isEqualTo(new HashSet<>(expected.next()));
        assertThat(next.revision()).isEqualTo(schedule.revision());
        assertInvariant(next);
        schedule = next;
        model = expected.next();
      }
    }
  }

  private static String pick(List<String> owners, int pick) {
    return owners.isEmpty() || pick >= owners.size() * 2 ? "nobody" : owners.get(pick % owners.size());
  }

  @Property(tries = 300)
  @Label("places a batch of blocks all or nothing: either every block is added or the schedule refuses them all")
  void placeIsAllOrNothing(@ForAll @Size(max = 30) List<@From("specs") Spec> history,
      @ForAll @Size(min = 1, max = 4) List<@From("specs") Spec> batch) {
    Schedule schedule = Schedule.empty(Fixtures.RESOURCE);
    int serial = 0;
    for (Spec spec : history) {
      Block block = block(spec, BASE, List.of(), serial++);
      if (!clash(concat(schedule.blocks(), List.of(block)))) {
        schedule = schedule.place(List.of(block), BASE);
      }
    }
    List<Block> blocks = new ArrayList<>();
    for (Spec spec : batch) {
      blocks.add(block(spec, BASE, List.of(), serial++));
    }
    Schedule before = schedule;
    if (!clash(concat(before.blocks(), blocks))) {
      Schedule after = before.place(blocks, BASE);
      assertThat(new HashSet<>(after.blocks())).isEqualTo(new HashSet<>(concat(before.blocks(), blocks)));
    } else {
      assertThatThrownBy(() -> before.place(blocks, BASE)).isInstanceOf(SlotUnavailableException.class);
      assertThat(blocks).allSatisfy(b -> assertThat(before.find(b.ownerId())).isEmpty());
    }
  }

  private static List<Block> concat(List<Block> a, List<Block> b) {
    List<Block> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Property(tries = 200)
  @Label("lets an expired hold block until exactly its expiry instant and not a nanosecond longer")
  void expiredHoldsStopBlockingAtExactlyTheirExpiry(
      @ForAll @IntRange(min = 0, max = 600) int startMinute, @ForAll @IntRange(min = 1, max = 120) int holdMinutes,
      @ForAll @IntRange(min = 0, max = 999_999_999) int expiryNanos, @ForAll @IntRange(min = -20, max = 20) int shift) {
    Instant placedAt = BASE.minus(Duration.ofHours(2));
    Instant expiry = placedAt.plus(Duration.ofMinutes(holdMinutes)).plusNanos(expiryNanos);
    Instant start = BASE.plus(Duration.ofMinutes(startMinute));
    Block hold = Fixtures.hold("hold", TYPE, start, Duration.ofMinutes(30), expiry, placedAt);
    Schedule schedule = new Schedule(Fixtures.RESOURCE, 7, List.of(hold));
    Block rival = Fixtures.booking("rival", TYPE, start.plus(Duration.ofMinutes(shift)), Duration.ofMinutes(30),
        placedAt);
    Instant justBefore = expiry.minusNanos(1);

    assertThat(schedule.index(justBefore).overlapsAny(rival.span())).isTrue();
    assertThat(schedule.index(expiry).overlapsAny(rival.span())).isFalse();
    assertThatThrownBy(() -> schedule.place(List.of(rival), justBefore)).isInstanceOf(SlotUnavailableException.class);
    assertThat(schedule.place(List.of(rival), expiry).blocks()).containsExactly(rival);
    assertThat(schedule.confirm("hold", justBefore).find("hold")).hasValueSatisfying(
        b -> assertThat(b.expiresAt()).isNull());
    assertThatThrownBy(() -> schedule.confirm("hold", expiry)).isInstanceOf(ConflictException.class);
    assertThat(schedule.pruned(justBefore).blocks()).containsExactly(hold);
    assertThat(schedule.pruned(expiry).blocks()).isEmpty();
  }

  @Example
  @Label("keeps a block until it has been over for the retention period, so weekly limits can still count it")
  void retentionBoundary() {
    Instant end = Instant.parse("2026-10-26T10:00:00Z");
    Block past = Fixtures.booking("past", TYPE, end.minus(Duration.ofMinutes(30)), Duration.ofMinutes(30), BASE);
    Schedule schedule = new Schedule(Fixtures.RESOURCE, 3, List.of(past));
    Instant limit = end.plus(Schedule.RETENTION);
    assertThat(schedule.pruned(limit.minusNanos(1)).blocks()).containsExactly(past);
    assertThat(schedule.pruned(limit).blocks()).isEmpty();
    assertThat(schedule.pruned(limit).revision()).isEqualTo(3);
  }

  @Example
  @Label("a hold stops hiding its slot from the slot engine at exactly its expiry instant")
  void slotEngineSeesTheHoldExpireOnTime() {
    Resource room = Fixtures.resource(Fixtures.BERLIN, Fixtures.everyDay(WallClockWindow.of("00:00", "00:00")));
    Instant start = Instant.parse("2026-10-25T09:00:00Z");
    Instant expiry = Instant.parse("2026-10-24T12:00:00.000000007Z");
    Schedule schedule = new Schedule(Fixtures.RESOURCE, 1,
        List.of(Fixtures.hold("hold", TYPE, start, Duration.ofMinutes(30), expiry, expiry.minusSeconds(600))));
    assertThat(SlotEngine.isFree(room, TYPE, Duration.ofMinutes(30), schedule, expiry.minusNanos(1), start)).isFalse();
    assertThat(SlotEngine.isFree(room, TYPE, Duration.ofMinutes(30), schedule, expiry, start)).isTrue();
  }

  @Example
  @Label("busy time may overlap other busy time, but a booking may overlap neither, not even by a nanosecond")
  void busyMayOverlapBusyButBookingsOverlapNothing() {
    Instant nine = Instant.parse("2026-10-26T09:00:00Z");
    Block busyA = Fixtures.busy("busy-a", nine, nine.plusSeconds(3600), BASE);
    Block busyB = Fixtures.busy("busy-b", nine.plusSeconds(1800), nine.plusSeconds(5400), BASE);
    Schedule schedule = Schedule.empty(Fixtures.RESOURCE).place(List.of(busyA, busyB), BASE);
    assertThat(schedule.blocks()).hasSize(2);
    Block touching = Fixtures.booking("touching", TYPE, nine.plusSeconds(5400), Duration.ofMinutes(30), BASE);
    Block nanoOverlap = Fixtures.booking("nano", TYPE, nine.plusSeconds(5400).minusNanos(1), Duration.ofMinutes(30),
        BASE);
    assertThat(schedule.place(List.of(touching), BASE).blocks()).hasSize(3);
    assertThatThrownBy(() -> schedule.place(List.of(nanoOverlap), BASE))
        .isInstanceOf(SlotUnavailableException.class);
    assertThatThrownBy(() -> new Schedule(Fixtures.RESOURCE, 0, List.of(busyA, nanoOverlap, touching)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Example
  @Label("replace moves a booking onto time that overlaps only its own old block, or leaves everything as it was")
  void replaceIsOneStep() {
    Instant nine = Instant.parse("2026-10-26T09:00:00Z");
    Block mine = Fixtures.booking("mine", TYPE, nine, Duration.ofMinutes(60), BASE);
    Block theirs = Fixtures.booking("theirs", TYPE, nine.plusSeconds(7200), Duration.ofMinutes(60), BASE);
    Schedule schedule = Schedule.empty(Fixtures.RESOURCE).place(List.of(mine, theirs), BASE);
    Block later = Fixtures.booking("mine", TYPE, nine.plusSeconds(1800), Duration.ofMinutes(60), BASE);
    assertThat(schedule.replace("mine", List.of(later), BASE).find("mine")).contains(later);
    Block onTheirs = Fixtures.booking("mine", TYPE, nine.plusSeconds(5400), Duration.ofMinutes(60), BASE);
    assertThatThrownBy(() -> schedule.replace("mine", List.of(onTheirs), BASE))
        .isInstanceOf(SlotUnavailableException.class);
    assertThat(schedule.find("mine")).contains(mine);
    assertThatThrownBy(() -> schedule.replace("ghost", List.of(later), BASE)).isInstanceOf(ConflictException.class);
  }

  @Example
  @Label("a move over several resources places the new time beside the old one, overlapping only its own owner's, "
      + "and keepOnly frees the other time")
  void placeBesideThenKeepOnly() {
    Instant nine = Instant.parse("2026-10-26T09:00:00Z");
    Block mine = Fixtures.booking("mine", TYPE, nine, Duration.ofMinutes(60), BASE);
    Block theirs = Fixtures.booking("theirs", TYPE, nine.plusSeconds(7200), Duration.ofMinutes(60), BASE);
    Schedule schedule = Schedule.empty(Fixtures.RESOURCE).place(List.of(mine, theirs), BASE);
    Block later = Fixtures.booking("mine", TYPE, nine.plusSeconds(1800), Duration.ofMinutes(60), BASE);

    Schedule both = schedule.placeBeside(later, mine.booked(), BASE);

    assertThat(both.blocksOf("mine")).containsExactly(mine, later);
    assertThat(new Schedule(Fixtures.RESOURCE, 2, both.blocks()).blocks()).isEqualTo(both.blocks());
    Block intoTheNewTime = Fixtures.booking("other", TYPE, nine.plusSeconds(3600), Duration.ofMinutes(15), BASE);
    assertThatThrownBy(() -> both.place(List.of(intoTheNewTime), BASE)).isInstanceOf(SlotUnavailableException.class);
    Block onTheirs = Fixtures.booking("mine", TYPE, nine.plusSeconds(5400), Duration.ofMinutes(60), BASE);
    assertThatThrownBy(() -> schedule.placeBeside(onTheirs, mine.booked(), BASE))
        .isInstanceOf(SlotUnavailableException.class);
    Block elsewhere = Fixtures.booking("mine", TYPE, nine.plusSeconds(14400), Duration.ofMinutes(60), BASE);
    assertThatThrownBy(() -> both.placeBeside(elsewhere, mine.booked(), BASE))
        .as("a second move while one is in flight").isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> schedule.placeBeside(elsewhere, later.booked(), BASE))
        .as("the booking's current time is not what the caller read").isInstanceOf(ConflictException.class);

    assertThat(both.keepOnly("mine", later.booked(), BASE).blocksOf("mine")).containsExactly(later);
    assertThat(both.keepOnly("mine", mine.booked(), BASE).blocksOf("mine")).containsExactly(mine);
    assertThat(both.keepOnly("mine", elsewhere.booked(), BASE).blocksOf("mine")).as("never the last block").hasSize(2);
    assertThat(both.release("mine", BASE).blocksOf("mine")).isEmpty();
    assertThat(both.keepOnly("mine", later.booked(), BASE).blocks()).containsExactly(later, theirs);
  }
}
