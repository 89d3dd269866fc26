package dev.dovetail.booking.domain;

import static dev.dovetail.booking.domain.Fixtures.overlap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** {@link IntervalIndex} answers exactly what a scan of every interval answers, down to the nanosecond. */
@Label("The interval index")
class IntervalIndexProperties {

  private static final Instant BASE = Instant.parse("2026-03-08T00:00:00Z");

  /** Instants on a coarse five-minute grid, nudged by nothing, a nanosecond, about a microsecond, or anything. */
  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Integer> minutes = Arbitraries.integers().between(0, 120).map(m -> m * 5);
    Arbitrary<Long> nudge = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.just(0L)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(-1001L, -1000L, -999L, -1L, 1L, 999L, 1000L, 1001L)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-59_999_999_999L, 59_999_999_999L)));
    return Combinators.combine(minutes, nudge).as((m, n) -> BASE.plusSeconds(m * 60L).plusNanos(n));
  }

  @Provide
  Arbitrary<TimeRange> ranges() {
    return Combinators.combine(instants(), instants())
        .filter((a, b) -> !a.equals(b))
        .as((a, b) -> a.isBefore(b) ? new TimeRange(a, b) : new TimeRange(b, a));
  }

  @Property(tries = 400)
  @Label("says a range overlaps the indexed ranges exactly when a brute-force scan finds an overlapping one")
  void overlapsAnyEqualsBruteForce(
      @ForAll @Size(max = 40) List<@From("ranges") TimeRange> indexed, @ForAll("ranges") TimeRange query) {
    IntervalIndex index = new IntervalIndex(indexed);
    boolean expected = indexed.stream().anyMatch(r -> overlap(r, query));
    assertThat(index.overlapsAny(query)).as("%s against %s", query, indexed).isEqualTo(expected);
    assertThat(index.overlapsAny(query.start(), query.end())).isEqualTo(expected);
    assertThat(index.size()).isEqualTo(indexed.size());
  }

  @Property(tries = 200)
  @Label("finds every indexed range when asked about that range itself, even among overlapping ones")
  void everyIndexedRangeOverlapsTheIndex(@ForAll @Size(min = 1, max = 30) List<@From("ranges") TimeRange> indexed) {
    IntervalIndex index = new IntervalIndex(indexed);
    assertThat(indexed).allSatisfy(r -> assertThat(index.overlapsAny(r)).isTrue());
  }

  @Example
  @Label("an empty index overlaps nothing, and ranges that only touch do not overlap")
  void emptyAndTouching() {
    TimeRange nine = new TimeRange(BASE.plusSeconds(9 * 3600), BASE.plusSeconds(10 * 3600));
    assertThat(new IntervalIndex(List.of()).overlapsAny(nine)).isFalse();
    IntervalIndex index = new IntervalIndex(List.of(nine));
    assertThat(index.overlapsAny(BASE.plusSeconds(10 * 3600), BASE.plusSeconds(11 * 3600))).isFalse();
    assertThat(index.overlapsAny(BASE.plusSeconds(8 * 3600), BASE.plusSeconds(9 * 3600))).isFalse();
  }

  @Example
  @Label("regression: ranges that overlap by less than a microsecond overlap (the index used to truncate to micros)")
  void subMicrosecondOverlapIsAnOverlap() {
    IntervalIndex index = new IntervalIndex(List.of(new TimeRange(BASE, BASE.plusNanos(500))));
    assertThat(index.overlapsAny(BASE.plusNanos(400), BASE.plusNanos(1_000))).isTrue();
    IntervalIndex later = new IntervalIndex(List.of(new TimeRange(BASE.plusNanos(1_500), BASE.plusNanos(3_000))));
    assertThat(later.overlapsAny(BASE, BASE.plusNanos(1_800))).isTrue();
    assertThat(later.overlapsAny(BASE, BASE.plusNanos(1_500))).isFalse();
  }

  @Example
  @Label("handles ranges far in the past and future without overflowing")
  void extremeInstants() {
    TimeRange ancient = new TimeRange(Instant.MIN, Instant.parse("-9999-01-01T00:00:00Z"));
    TimeRange distant = new TimeRange(Instant.parse("+99999-01-01T00:00:00Z"), Instant.MAX);
    IntervalIndex index = new IntervalIndex(List.of(ancient, distant));
    assertThat(index.overlapsAny(Instant.MIN, Instant.MIN.plusSeconds(1))).isTrue();
    assertThat(index.overlapsAny(Instant.MAX.minusSeconds(1), Instant.MAX)).isTrue();
    assertThat(index.overlapsAny(BASE, BASE.plusSeconds(1))).isFalse();
  }
}
