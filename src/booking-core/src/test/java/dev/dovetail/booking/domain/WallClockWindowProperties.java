package dev.dovetail.booking.domain;

import static dev.dovetail.booking.domain.Fixtures.wallContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
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
 * A window's real-time ranges on a date are exactly the minutes at which a wall clock in the zone shows a time of that
 * date inside the window, checked minute by minute around real transitions of many zones (including ones that jump at
 * midnight, by 30 minutes, by two hours, or skip a whole day).
 */
@Label("Wall-clock windows")
class WallClockWindowProperties {

  private static final List<ZoneId> ZONES = List.of(Fixtures.NEW_YORK, Fixtures.BERLIN, Fixtures.LORD_HOWE,
      Fixtures.KOLKATA, ZoneId.of("Pacific/Apia"), ZoneId.of("America/Santiago"), ZoneId.of("America/Havana"),
      ZoneId.of("Europe/Dublin"), ZoneId.of("Antarctica/Troll"), ZoneId.of("America/Sao_Paulo"),
      ZoneId.of("Asia/Tehran"));

  record Case(ZoneId zone, LocalDate date, WallClockWindow window) {}

  /** A zone, a date within a day of one of its transitions between 2008 and 2030 (any date if it has none), a window. */
  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Integer> from = Arbitraries.of(0, 30, 60, 90, 120, 135, 150, 180, 210, 1380, 1410, 1430);
    Arbitrary<int[]> bounds = Combinators.combine(
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, from),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1439))),
            Arbitraries.integers().between(1, 1440))
        .as((start, length) -> new int[] {start, Math.min(1440, start + length)});
    return Combinators.combine(Arbitraries.of(ZONES), Arbitraries.integers().between(2008, 2030),
            Arbitraries.integers().between(0, 40), Arbitraries.integers().between(-1, 1), bounds)
        .as((zone, year, nth, shift, b) -> new Case(zone, transitionDate(zone, year, nth).plusDays(shift),
            Scenarios.window(b[0], b[1])));
  }

  private static LocalDate transitionDate(ZoneId zone, int year, int nth) {
    Instant cursor = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<ZoneOffsetTransition> found = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ZoneOffsetTransition next = zone.getRules().nextTransition(cursor);
      if (next == null || next.getInstant().atZone(ZoneOffset.UTC).getYear() > year + 1) {
        break;
      }
      found.add(next);
      cursor = next.getInstant();
    }
    if (found.isEmpty()) {
      return LocalDate.of(year, 1, 1).plusDays(nth * 9L);
    }
    return found.get(nth % found.size()).getDateTimeBefore().toLocalDate();
  }

  @Property(tries = 400)
  @Label("is open exactly while a wall clock in the zone shows a time of that date inside the window")
  void rangesOnAreTheMinutesTheWallClockShowsTheWindow(@ForAll("cases") Case c) {
    assertThat(c.window().rangesOn(c.date(), c.zone())).as(c.toString()).isEqualTo(bruteForceRanges(c));
  }

  @Property(tries = 300)
  @Label("starts and ends at the first instant the wall clock shows the start or end time, or a later one")
  void startOnAndEndOnAreTheFirstInstantShowingThatTimeOrLater(@ForAll("cases") Case c) {
    LocalDateTime start = c.date().atTime(c.window().start());
    LocalDateTime end = c.window().endMinute() == 1440 ? c.date().plusDays(1).atStartOfDay()
        : c.date().atTime(c.window().end());
    assertThat(c.window().startOn(c.date(), c.zone()).toInstant()).as(c.toString())
        .isEqualTo(firstShowingAtLeast(start, c.zone()));
    assertThat(c.window().endOn(c.date(), c.zone()).toInstant()).as(c.toString())
        .isEqualTo(firstShowingAtLeast(end, c.zone()));
  }

  @Example
  @Label("an all-day window lasts 23 hours on a spring-forward day and 25 on a fall-back day, ending at 24:00")
  void allDayWindowOnDstDays() {
    WallClockWindow allDay = WallClockWindow.of("00:00", "00:00");
    assertThat(allDay.endMinute()).isEqualTo(1440);
    assertThat(length(allDay.rangesOn(LocalDate.parse("2026-03-08"), Fixtures.NEW_YORK))).isEqualTo(Duration.ofHours(23));
    assertThat(length(allDay.rangesOn(LocalDate.parse("2026-11-01"), Fixtures.NEW_YORK))).isEqualTo(Duration.ofHours(25));
    assertThat(length(allDay.rangesOn(LocalDate.parse("2026-10-04"), Fixtures.LORD_HOWE)))
        .isEqualTo(Duration.ofMinutes(23 * 60 + 30));
    assertThat(allDay.endOn(LocalDate.parse("2026-03-07"), Fixtures.NEW_YORK).toLocalDateTime())
        .isEqualTo(LocalDateTime.parse("2026-03-08T00:00"));
  }

  @Example
  @Label("a window that ends before it starts, or at a time that is not a whole minute, is refused")
  void invalidWindowsAreRefused() {
    assertThatThrownBy(() -> WallClockWindow.of("10:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WallClockWindow.of("10:00", "10:00")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WallClockWindow(LocalTime.of(9, 0, 30), LocalTime.of(10, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Duration length(List<TimeRange> ranges) {
    return ranges.stream().map(TimeRange::length).reduce(Duration.ZERO, Duration::plus);
  }

  /** Minute by minute over two and a half days around the date: runs of minutes showing the window on that date. */
  private static List<TimeRange> bruteForceRanges(Case c) {
    Instant from = c.date().atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofHours(20));
    Instant to = c.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(20));
    List<TimeRange> runs = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      LocalDateTime wall = LocalDateTime.ofInstant(t, c.zone());
      boolean open = wall.toLocalDate().equals(c.date())
          && wallContains(c.window(), wall.getHour() * 60 + wall.getMinute());
      if (!open) {
        continue;
      }
      int last = runs.size() - 1;
      if (last >= 0 && runs.get(last).end().equals(t)) {
        runs.set(last, new TimeRange(runs.get(last).start(), t.plusSeconds(60)));
      } else {
        runs.add(new TimeRange(t, t.plusSeconds(60)));
      }
    }
    return runs;
  }

  /** The first minute, scanning forward from two days earlier, at which the wall clock shows {@code wall} or later. */
  private static Instant firstShowingAtLeast(LocalDateTime wall, ZoneId zone) {
    Instant t = wall.toInstant(ZoneOffset.UTC).minus(Duration.ofDays(2));
    while (LocalDateTime.ofInstant(t, zone).isBefore(wall)) {
      t = t.plusSeconds(60);
    }
    return t;
  }
}
