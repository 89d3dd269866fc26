package dev.dovetail.booking.domain;

import static dev.dovetail.booking.domain.Fixtures.overlap;

import dev.dovetail.kernel.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random but realistic slot-search inputs, biased towards the hard cases: days around the 2026 DST changes, window
 * edges at the times the clocks jump (01:00-03:00), adjacent windows, breaks, overrides, holidays, buffers, limits,
 * holds about to expire, busy time that overlaps other busy time, and instants that are not whole seconds.
 */
final class Scenarios {

  private Scenarios() {}

  /** Everything one call of {@link SlotEngine#freeSlots} needs. */
  record Scenario(
      ZoneId zone, ZoneId viewer, LocalDate firstDay, int days, int startShiftMinutes, AvailabilityRule rule,
      BookingType type, Duration duration, Instant now, List<Block> blocks) {

    Resource resource() {
      return Fixtures.resource(zone, rule);
    }

    Schedule schedule() {
      return new Schedule(Fixtures.RESOURCE, 0, blocks);
    }

    /** The query window: the viewer's dates [firstDay, firstDay + days), optionally shifted off midnight. */
    TimeRange window() {
      Instant shifted = firstDay.atStartOfDay(viewer).toInstant().plus(Duration.ofMinutes(startShiftMinutes));
      Instant end = firstDay.plusDays(days).atStartOfDay(viewer).toInstant();
      // A one-day window on a 23- or 23.5-hour day can be shifted past its own end: keep its last minute.
      Instant start = shifted.isBefore(end) ? shifted : end.minus(Duration.ofMinutes(1));
      return new TimeRange(start, end);
    }

    List<Slot> engine() {
      return SlotEngine.freeSlots(resource(), type, duration, schedule(), now, window());
    }

    List<Slot> reference() {
      return ReferenceSlots.freeSlots(resource(), type, duration, schedule(), now, window());
    }

    @Override
    public String toString() {
      return "Scenario{zone=" + zone + ", viewer=" + viewer + ", days=" + firstDay + "+" + days + ", shift="
          + startShiftMinutes + "min, now=" + now + "\n  rule=" + rule + "\n  type=" + type + "\n  duration="
          + duration + "\n  blocks=" + blocks.stream().map(Block::toString).collect(Collectors.joining("\n    "))
          + "}";
    }
  }

  private record TypeSpec(List<Integer> durations, int chosen, int interval, int before, int after, int noticeMinutes,
      int horizonDays, int maxPerDay, int maxPerWeek) {}

  private record RuleSpec(Map<DayOfWeek, List<WallClockWindow>> weekly, List<WallClockWindow> breaks,
      Map<Integer, List<WallClockWindow>> overrides, Set<Integer> holidays) {}

  enum BlockKind { OWN_BOOKING, OWN_HOLD, OTHER_BOOKING, BUSY }

  private record BlockSpec(BlockKind kind, int startMinute, int lengthMinutes, int jitterNanos, int expiryMinutes) {}

  /** Minutes of the day where windows begin and end; the DST hours 01:00-03:30 are heavily represented. */
  private static Arbitrary<Integer> boundaryMinutes() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(0, 30, 60, 75, 90, 105, 120, 135, 150, 165, 180, 210, 1440)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(480, 540, 720, 780, 1020, 1080, 1380, 1410)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 96).map(q -> q * 15)));
  }

  /** Sorted, disjoint (possibly adjacent) windows of one day, at most {@code max}. */
  static Arbitrary<List<WallClockWindow>> windows(int max) {
    return boundaryMinutes().list().ofMaxSize(2 * max).map(bounds -> {
      List<Integer> sorted = bounds.stream().sorted().toList();
      List<WallClockWindow> result = new ArrayList<>();
      for (int i = 0; i + 1 < sorted.size(); i += 2) {
        if (sorted.get(i) < sorted.get(i + 1)) {
          result.add(window(sorted.get(i), sorted.get(i + 1)));
        }
      }
      return result;
    });
  }

  static WallClockWindow window(int from, int to) {
    LocalTime end = to == 1440 ? LocalTime.MIDNIGHT : LocalTime.of(to / 60, to % 60);
    return new WallClockWindow(LocalTime.of(from / 60, from % 60), end);
  }

  private static Arbitrary<RuleSpec> ruleSpecs() {
    Arbitrary<Map<DayOfWeek, List<WallClockWindow>>> weekly = windows(3).list().ofSize(7).map(perDay -> {
      Map<DayOfWeek, List<WallClockWindow>> map = new EnumMap<>(DayOfWeek.class);
      for (DayOfWeek day : DayOfWeek.values()) {
        map.put(day, perDay.get(day.ordinal()));
      }
      return map;
    });
    Arbitrary<Map<Integer, List<WallClockWindow>>> overrides =
        Arbitraries.maps(Arbitraries.integers().between(-1, 8), windows(2)).ofMaxSize(2);
    Arbitrary<Set<Integer>> holidays = Arbitraries.integers().between(-1, 8).set().ofMaxSize(2);
    return Combinators.combine(weekly, windows(2), overrides, holidays).as(RuleSpec::new);
  }

  private static AvailabilityRule rule(RuleSpec spec, LocalDate firstDay) {
    Map<LocalDate, List<WallClockWindow>> overrides = new HashMap<>();
    spec.overrides().forEach((offset, windows) -> overrides.put(firstDay.plusDays(offset), windows));
    Set<LocalDate> holidays = new HashSet<>();
    spec.holidays().forEach(offset -> holidays.add(firstDay.plusDays(offset)));
    return new AvailabilityRule(spec.weekly(), spec.breaks(), overrides, holidays);
  }

  private static Arbitrary<TypeSpec> typeSpecs() {
    Arbitrary<List<Integer>> durations = Arbitraries.of(15, 25, 30, 45, 60, 90).list().ofMinSize(1).ofMaxSize(2);
    Arbitrary<Integer> chosen = Arbitraries.integers().between(0, 1);
    Arbitrary<Integer> interval = Arbitraries.of(5, 15, 20, 30, 60);
    Arbitrary<Integer> buffers = Arbitraries.of(0, 0, 5, 10, 15, 30);
    Arbitrary<Integer> notice = Arbitraries.of(0, 0, 30, 120, 1440);
    Arbitrary<Integer> horizon = Arbitraries.of(1, 2, 3, 5, 30);
    Arbitrary<Integer> perDay = Arbitraries.of(0, 0, 1, 2, 3);
    Arbitrary<Integer> perWeek = Arbitraries.of(0, 0, 1, 2, 4);
    return Combinators.combine(durations, chosen, interval, buffers, buffers, notice, horizon, perDay)
        .flatAs((d, c, i, b, a, n, h, pd) -> perWeek.map(pw -> new TypeSpec(d, c, i, b, a, n, h, pd, pw)));
  }

  private static BookingType type(TypeSpec spec) {
    return Fixtures.type(Fixtures.TYPE, spec.durations().stream().distinct().map(Duration::ofMinutes).toList(),
        Duration.ofMinutes(spec.interval()), Duration.ofMinutes(spec.before()), Duration.ofMinutes(spec.after()),
        Duration.ofMinutes(spec.noticeMinutes()), Duration.ofDays(spec.horizonDays()), spec.maxPerDay(),
        spec.maxPerWeek());
  }

  private static Arbitrary<BlockSpec> blockSpecs(int maxStartMinute) {
    Arbitrary<BlockKind> kinds = Arbitraries.of(BlockKind.class);
    Arbitrary<Integer> starts = Arbitraries.integers().between(-1440, maxStartMinute).map(m -> m - m % 5);
    Arbitrary<Integer> lengths = Arbitraries.of(15, 30, 45, 60, 90, 120, 240, 600);
    Arbitrary<Integer> jitter = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-999, 999)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-999_999_999, 999_999_999)));
    Arbitrary<Integer> expiry = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(-120, 120)));
    return Combinators.combine(kinds, starts, lengths, jitter, expiry).as(BlockSpec::new);
  }

  /**
   * Turns block specs into blocks that a schedule accepts: each is kept if it overlaps nothing it may not overlap
   * (checked here by brute force), as a store that refused the others would have it.
   */
  private static List<Block> blocks(List<BlockSpec> specs, BookingType own, ZoneId zone, LocalDate firstDay,
      Instant now) {
    BookingType other = Fixtures.type(Fixtures.OTHER_TYPE, List.of(Duration.ofMinutes(15)),
        Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ZERO, Duration.ofDays(30), 0,
        0);
    Instant anchor = firstDay.atStartOfDay(zone).toInstant();
    List<Block> kept = new ArrayList<>();
    int n = 0;
    for (BlockSpec spec : specs) {
      Instant start = anchor.plus(Duration.ofMinutes(spec.startMinute())).plusNanos(spec.jitterNanos());
      Duration length = Duration.ofMinutes(spec.lengthMinutes());
      String owner = "b" + n++;
      Instant placedAt = now.minus(Duration.ofHours(1));
      Block block = switch (spec.kind()) {
        case OWN_BOOKING -> Fixtures.booking(owner, own, start, length, placedAt);
        case OWN_HOLD -> Fixtures.hold(owner, own, start, length,
            now.plus(Duration.ofMinutes(spec.expiryMinutes())), placedAt);
        case OTHER_BOOKING -> Fixtures.booking(owner, other, start, length, placedAt);
        case BUSY -> Fixtures.busy(owner, start, start.plus(length), placedAt);
      };
      boolean clashes = kept.stream().anyMatch(k -> overlap(k.span(), block.span())
          && (k.kind() == Block.Kind.BOOKING || block.kind() == Block.Kind.BOOKING));
      if (!clashes) {
        kept.add(block);
      }
    }
    return kept;
  }

  /**
   * A pooled type over 2 to {@code maxMembers} members in the base scenario's zone, each with its own random rule and
   * blocks; the base scenario gives the type (its first member is {@link Fixtures#RESOURCE}), now and the window.
   */
  record PoolScenario(Scenario base, BookingType type, List<MemberSchedule> members) {

    @Override
    public String toString() {
      return "PoolScenario{pool=" + type.pool() + "\n  base=" + base + "\n  members=" + members.stream()
          .map(m -> m.resource().id() + " " + m.resource().availability() + " " + m.schedule().blocks())
          .collect(Collectors.joining("\n    ")) + "}";
    }
  }

  private record MemberSpec(RuleSpec rule, List<BlockSpec> blocks, int priority) {}

  static Arbitrary<PoolScenario> poolScenarios(int maxMembers, int maxDays, int maxBlocks) {
    Arbitrary<MemberSpec> memberSpecs = Combinators.combine(ruleSpecs(),
        blockSpecs((maxDays + 1) * 1440).list().ofMaxSize(maxBlocks), Arbitraries.integers().between(0, 2))
        .as(MemberSpec::new);
    return Combinators.combine(scenarios(Fixtures.RESOURCE_ZONES, maxDays, maxBlocks),
            memberSpecs.list().ofMinSize(1).ofMaxSize(maxMembers - 1), Arbitraries.of(ResourcePool.Mode.class),
            Arbitraries.of(ResourcePool.Assignment.class), Arbitraries.integers().between(0, 2))
        .as((base, others, mode, assignment, firstPriority) -> {
          List<PoolMember> poolMembers = new ArrayList<>();
          List<MemberSchedule> members = new ArrayList<>();
          poolMembers.add(new PoolMember(Fixtures.RESOURCE, firstPriority));
          members.add(new MemberSchedule(base.resource(), base.schedule()));
          for (int i = 0; i < others.size(); i++) {
            String id = "room-" + (i + 2);
            MemberSpec spec = others.get(i);
            poolMembers.add(new PoolMember(id, spec.priority()));
            Resource resource = new Resource(id, Fixtures.PROVIDER, "Room " + (i + 2), base.zone(), true,
                rule(spec.rule(), base.firstDay()));
            members.add(new MemberSchedule(resource, new Schedule(id, 0,
                blocks(spec.blocks(), base.type(), base.zone(), base.firstDay(), base.now()))));
          }
          ResourcePool pool = new ResourcePool(mode, poolMembers, assignment, false,
              ResourcePool.DEFAULT_BALANCE_WINDOW);
          return new PoolScenario(base, base.type().withPool(pool), members);
        });
  }

  /** Scenarios in the given resource zones, on dates around the DST changes (and ordinary dates for Kolkata). */
  static Arbitrary<Scenario> scenarios(List<ZoneId> zones, int maxDays, int maxBlocks) {
    Arbitrary<ZoneId> zone = Arbitraries.of(zones);
    Arbitrary<ZoneId> viewer = Arbitraries.of(Fixtures.VIEWER_ZONES);
    Arbitrary<LocalDate> firstDay =
        Arbitraries.of(Fixtures.DST_DATES).flatMap(d -> Arbitraries.integers().between(-3, 1).map(d::plusDays));
    Arbitrary<Integer> days = Arbitraries.integers().between(1, maxDays);
    Arbitrary<Integer> shift = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1439)));
    // Often on the five-minute grid, so that slot starts land exactly on the notice and horizon boundaries.
    Arbitrary<Long> nowOffsetSeconds = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-4 * 288L, 2 * 288L).map(n -> n * 300)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-4 * 86_400L, 2 * 86_400L)));
    Arbitrary<Integer> nowNanos = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 999_999_999)));
    Arbitrary<List<BlockSpec>> blocks = blockSpecs((maxDays + 1) * 1440).list().ofMaxSize(maxBlocks);
    return Combinators.combine(zone, viewer, firstDay, days, shift, ruleSpecs(), typeSpecs(), nowOffsetSeconds)
        .flatAs((z, v, f, d, s, r, t, nowOffset) -> Combinators.combine(nowNanos, blocks).as((nanos, specs) -> {
          BookingType type = type(t);
          Duration duration = type.durations().get(Math.min(t.chosen(), type.durations().size() - 1));
          Instant now = f.atStartOfDay(z).toInstant().plusSeconds(nowOffset).plusNanos(nanos);
          return new Scenario(z, v, f, d, s, rule(r, f), type, duration, now, blocks(specs, type, z, f, now));
        }));
  }
}
