package dev.dovetail.booking.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The alternatives offered with a refusal are the free slots nearest the wanted time, ties to the earlier one. */
@Label("Alternatives to a refused time")
class AlternativesProperties {

  private static final Instant ORIGIN = Instant.parse("2026-03-28T23:00:00Z");

  @Property(tries = 500)
  @Label("are the five free slots nearest the wanted time (the earlier of two as near), in start order")
  void nearestInStartOrder(@ForAll @Size(max = 40) List<@IntRange(min = -4_000, max = 25_000) Integer> startMinutes,
      @ForAll @IntRange(min = -3_000, max = 20_000) int wantedMinute, @ForAll @IntRange(max = 59) int wantedSecond) {
    List<Slot> free = startMinutes.stream().distinct().sorted()
        .map(m -> new Slot(ORIGIN.plusSeconds(60L * m), ORIGIN.plusSeconds(60L * m + 1_800))).toList();
    Instant wanted = ORIGIN.plusSeconds(60L * wantedMinute + wantedSecond);

    List<Slot> nearest = Alternatives.nearest(free, wanted);

    List<Slot> byDistance = new ArrayList<>(free); // stable: of two as near, the earlier stays first
    byDistance.sort(Comparator.comparingLong(s -> Math.abs(Duration.between(s.start(), wanted).getSeconds())));
    List<Slot> expected = new ArrayList<>(byDistance.subList(0, Math.min(Alternatives.COUNT, free.size())));
    expected.sort(Comparator.comparing(Slot::start));
    assertThat(nearest).isEqualTo(expected);
  }
}
