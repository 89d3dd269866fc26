package dev.dovetail.waitlist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Day and window wishes match a slot exactly when a wall clock in the customer's zone shows, at every minute of the
 * slot, a time on the wished date inside the window: checked minute by minute against slots placed around real DST
 * transitions (including zones that change at midnight or by 30 minutes).
 */
@Label("Waitlist wishes")
class WishProperties {

  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
      ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"), ZoneId.of("America/Havana"),
      ZoneId.of("Asia/Kolkata"));

  record Case(ZoneId zone, Wish wish, TimeRange slot) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<int[]> window = Combinators.combine(Arbitraries.integers().between(0, 1438),
            Arbitraries.integers().between(1, 1439))
        .as((start, length) -> new int[] {start, Math.min(1439, start + length)});
    return Combinators.combine(Arbitraries.of(ZONES), Arbitraries.integers().between(2015, 2030),
            Arbitraries.integers().between(0, 1), Arbitraries.integers().between(-1, 1), window,
            Arbitraries.integers().between(-300, 300), Arbitraries.of(15, 30, 45, 60, 90, 120), Arbitraries.of(true, false))
        .as((zone, year, which, dayShift, w, slotShift, length, isDay) -> {
          ZoneOffsetTransition t = transition(zone, year, which);
          LocalDate date = LocalDateTime.ofInstant(t.getInstant(), zone).toLocalDate().plusDays(dayShift);
          Wish wish = isDay ? Wish.day(date)
              : Wish.window(date, LocalTime.ofSecondOfDay(w[0] * 60L), LocalTime.ofSecondOfDay(w[1] * 60L));
          Instant start = t.getInstant().plus(Duration.ofMinutes(slotShift));
          return new Case(zone, wish, TimeRange.of(start, Duration.ofMinutes(length)));
        });
  }

  private static ZoneOffsetTransition transition(ZoneId zone, int year, int which) {
    Instant cursor = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    ZoneOffsetTransition t = zone.getRules().nextTransition(cursor);
    if (t == null) {
      return ZoneOffsetTransition.of(LocalDateTime.of(year, 6, 1, 0, 0), ZoneOffset.ofHours(5),
          ZoneOffset.ofHoursMinutes(5, 30));
    }
    return which == 0 ? t : zone.getRules().nextTransition(t.getInstant());
  }

  @Property(tries = 2000)
  @Label("matches() agrees with reading the wall clock at every minute of the slot")
  void matchesAgreesWithMinuteByMinuteWallClock(@ForAll("cases") Case c) {
    assertThat(c.wish().matches(c.slot(), c.zone())).isEqualTo(bruteForce(c));
  }

  @Property(tries = 500)
  @Label("every matching slot starts inside the search range")
  void searchRangeCoversEveryMatch(@ForAll("cases") Case c) {
    if (c.wish().matches(c.slot(), c.zone())) {
      assertThat(c.wish().searchRange(c.zone()).contains(c.slot().start())).isTrue();
      assertThat(c.wish().lastStart(c.zone())).isAfter(c.slot().start());
    }
  }

  private static boolean bruteForce(Case c) {
    Wish w = c.wish();
    LocalDateTime lower = w.from() == null ? w.date().atStartOfDay() : w.date().atTime(w.from());
    LocalDateTime upper = w.to() == null ? w.date().plusDays(1).atStartOfDay() : w.date().atTime(w.to());
    // Every minute the slot covers, then the moment just before its end (the slot ends before its end instant).
    List<Instant> moments = new java.util.ArrayList<>();
    for (Instant i = c.slot().start(); i.isBefore(c.slot().end()); i = i.plusSeconds(60)) {
      moments.add(i);
    }
    moments.add(c.slot().end().minusNanos(1));
    // Just before an offset change the clock reads its highest; minutes alone could step over that instant.
    ZoneOffsetTransition t = c.zone().getRules().nextTransition(c.slot().start());
    if (t != null && t.getInstant().isBefore(c.slot().end())) {
      moments.add(t.getInstant().minusNanos(1));
    }
    for (Instant i : moments) {
      LocalDateTime reading = LocalDateTime.ofInstant(i, c.zone());
      if (reading.isBefore(lower) || !reading.isBefore(upper)) {
        return false;
      }
    }
    return true;
  }

  @Example
  @Label("Berlin, spring forward: a 01:00–04:00 window takes 01:00–02:00 and 03:00–04:00 local, two real hours")
  void springForwardWindow() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Wish wish = Wish.window(LocalDate.of(2026, 3, 29), LocalTime.of(1, 0), LocalTime.of(4, 0));
    Instant oneAm = Instant.parse("2026-03-29T00:00:00Z");
    assertThat(wish.matches(TimeRange.of(oneAm, Duration.ofHours(2)), berlin)).isTrue(); // 01:00 CET - 04:00 CEST
    assertThat(wish.matches(TimeRange.of(oneAm.minusSeconds(1800), Duration.ofMinutes(60)), berlin)).isFalse();
    assertThat(wish.matches(TimeRange.of(oneAm.plusSeconds(3600), Duration.ofMinutes(90)), berlin)).isFalse();
  }

  @Example
  @Label("New York, fall back: a 01:00–02:00 window holds both passes through the repeated hour")
  void fallBackWindow() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Wish wish = Wish.window(LocalDate.of(2026, 11, 1), LocalTime.of(1, 0), LocalTime.of(2, 0));
    Instant firstOneAm = Instant.parse("2026-11-01T05:00:00Z"); // 01:00 EDT
    Instant secondOneAm = Instant.parse("2026-11-01T06:00:00Z"); // 01:00 EST
    assertThat(wish.matches(TimeRange.of(firstOneAm, Duration.ofMinutes(60)), newYork)).isTrue();
    assertThat(wish.matches(TimeRange.of(secondOneAm, Duration.ofMinutes(60)), newYork)).isTrue();
    assertThat(wish.matches(TimeRange.of(secondOneAm.plusSeconds(1800), Duration.ofMinutes(60)), newYork)).isFalse();
  }

  @Example
  @Label("Havana, fall back at 01:00: a slot ending at the change reads 00:59 of the next day before it, not that day")
  void slotEndingAtAnOffsetChange() {
    ZoneId havana = ZoneId.of("America/Havana");
    TimeRange slot = new TimeRange(Instant.parse("2015-11-01T03:00:00Z"), Instant.parse("2015-11-01T05:00:00Z"));
    assertThat(Wish.day(LocalDate.of(2015, 10, 31)).matches(slot, havana)).isFalse();
    assertThat(Wish.window(LocalDate.of(2015, 10, 31), LocalTime.of(23, 0), LocalTime.of(23, 59))
        .matches(TimeRange.of(slot.start(), Duration.ofMinutes(59)), havana)).isTrue();
  }

  @Example
  @Label("an exact-slot wish matches only its own start")
  void exactSlot() {
    Instant start = Instant.parse("2026-11-24T09:00:00Z");
    Wish wish = Wish.slot(start);
    assertThat(wish.matches(TimeRange.of(start, Duration.ofMinutes(30)), ZoneId.of("UTC"))).isTrue();
    assertThat(wish.matches(TimeRange.of(start.plusSeconds(900), Duration.ofMinutes(30)), ZoneId.of("UTC"))).isFalse();
  }
}
