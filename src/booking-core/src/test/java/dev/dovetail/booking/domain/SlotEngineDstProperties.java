package dev.dovetail.booking.domain;

import static dev.dovetail.booking.domain.Fixtures.BERLIN;
import static dev.dovetail.booking.domain.Fixtures.KIRITIMATI;
import static dev.dovetail.booking.domain.Fixtures.KOLKATA;
import static dev.dovetail.booking.domain.Fixtures.LORD_HOWE;
import static dev.dovetail.booking.domain.Fixtures.NEW_YORK;
import static dev.dovetail.booking.domain.Fixtures.everyDay;
import static dev.dovetail.booking.domain.Fixtures.everyDayWithBreaks;
import static dev.dovetail.booking.domain.Fixtures.plainType;
import static dev.dovetail.booking.domain.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.Label;

/**
 * Exact slot lists on the actual 2026 DST dates: a 23-hour day has fewer all-day slots, a 25-hour day more, Lord
 * Howe's 30-minute shift gives 23.5 and 24.5 hours, and office hours stay at the same wall-clock time across a change.
 * Also the regressions found by {@link SlotEngineProperties}: windows whose edges the clocks skip or repeat.
 */
@Label("Slots on DST change days")
class SlotEngineDstProperties {

  private static final Instant LONG_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
  private static final WallClockWindow ALL_DAY = WallClockWindow.of("00:00", "00:00");

  /** Free slots of an empty schedule over one local date of the resource's zone. */
  private static List<Slot> slotsOn(ZoneId zone, AvailabilityRule rule, int minutes, LocalDate date) {
    TimeRange day = new TimeRange(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    return SlotEngine.freeSlots(resource(zone, rule), plainType(minutes), Duration.ofMinutes(minutes),
        Schedule.empty(Fixtures.RESOURCE), LONG_BEFORE, day);
  }

  private static List<Slot> allDaySlots(ZoneId zone, int minutes, String date) {
    return slotsOn(zone, everyDay(ALL_DAY), minutes, LocalDate.parse(date));
  }

  private static List<LocalTime> wallStarts(List<Slot> slots, ZoneId zone) {
    return slots.stream().map(s -> LocalDateTime.ofInstant(s.start(), zone).toLocalTime()).toList();
  }

  private static List<Instant> starts(List<Slot> slots) {
    return slots.stream().map(Slot::start).toList();
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Example
  @Label("New York 2026-03-08 has 23 hours: 46 half-hour slots, 23 hour slots, and no slot shows 02:xx")
  void newYorkSpringForward() {
    List<Slot> half = allDaySlots(NEW_YORK, 30, "2026-03-08");
    assertThat(half).hasSize(46);
    assertThat(half.get(0).start()).isEqualTo(at("2026-03-08T05:00:00Z"));
    assertThat(half.get(45).start()).isEqualTo(at("2026-03-09T03:30:00Z"));
    assertThat(wallStarts(half, NEW_YORK)).doesNotContain(LocalTime.of(2, 0), LocalTime.of(2, 30))
        .containsSubsequence(LocalTime.of(1, 30), LocalTime.of(3, 0));
    assertThat(allDaySlots(NEW_YORK, 60, "2026-03-08")).hasSize(23);
  }

  @Example
  @Label("New York 2026-11-01 has 25 hours: 50 half-hour slots, 25 hour slots, and 01:00 and 01:30 are offered twice")
  void newYorkFallBack() {
    List<Slot> half = allDaySlots(NEW_YORK, 30, "2026-11-01");
    assertThat(half).hasSize(50);
    assertThat(half.get(0).start()).isEqualTo(at("2026-11-01T04:00:00Z"));
    assertThat(half.get(49).start()).isEqualTo(at("2026-11-02T04:30:00Z"));
    Map<LocalTime, Long> shown = wallStarts(half, NEW_YORK).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(shown).containsEntry(LocalTime.of(1, 0), 2L).containsEntry(LocalTime.of(1, 30), 2L)
        .containsEntry(LocalTime.of(2, 0), 1L);
    assertThat(allDaySlots(NEW_YORK, 60, "2026-11-01")).hasSize(25);
  }

  @Example
  @Label("Berlin 2026-03-29 has 23 hours and 2026-10-25 has 25: 46 and 50 half-hour slots, 23 and 25 hour slots")
  void berlinChanges() {
    List<Slot> spring = allDaySlots(BERLIN, 30, "2026-03-29");
    assertThat(spring).hasSize(46);
    assertThat(spring.get(0).start()).isEqualTo(at("2026-03-28T23:00:00Z"));
    assertThat(spring.get(45).start()).isEqualTo(at("2026-03-29T21:30:00Z"));
    List<Slot> autumn = allDaySlots(BERLIN, 30, "2026-10-25");
    assertThat(autumn).hasSize(50);
    assertThat(autumn.get(0).start()).isEqualTo(at("2026-10-24T22:00:00Z"));
    assertThat(autumn.get(49).start()).isEqualTo(at("2026-10-25T22:30:00Z"));
    assertThat(allDaySlots(BERLIN, 60, "2026-03-29")).hasSize(23);
    assertThat(allDaySlots(BERLIN, 60, "2026-10-25")).hasSize(25);
  }

  @Example
  @Label("Lord Howe 2026-04-05 has 24.5 hours and 2026-10-04 has 23.5: 49 and 47 half-hour slots, 24 and 23 hour slots")
  void lordHoweHalfHourShift() {
    List<Slot> autumn = allDaySlots(LORD_HOWE, 30, "2026-04-05");
    assertThat(autumn).hasSize(49);
    assertThat(autumn.get(0).start()).isEqualTo(at("2026-04-04T13:00:00Z"));
    assertThat(autumn.get(48).start()).isEqualTo(at("2026-04-05T13:00:00Z"));
    assertThat(wallStarts(autumn, LORD_HOWE).stream().filter(LocalTime.of(1, 30)::equals)).hasSize(2);
    List<Slot> spring = allDaySlots(LORD_HOWE, 30, "2026-10-04");
    assertThat(spring).hasSize(47);
    assertThat(spring.get(0).start()).isEqualTo(at("2026-10-03T13:30:00Z"));
    assertThat(spring.get(46).start()).isEqualTo(at("2026-10-04T12:30:00Z"));
    assertThat(wallStarts(spring, LORD_HOWE)).doesNotContain(LocalTime.of(2, 0))
        .containsSubsequence(LocalTime.of(1, 30), LocalTime.of(2, 30));
    assertThat(allDaySlots(LORD_HOWE, 60, "2026-04-05")).hasSize(24);
    assertThat(allDaySlots(LORD_HOWE, 60, "2026-10-04")).hasSize(23);
  }

  @Example
  @Label("Kolkata, at +05:30 all year, has 48 half-hour slots on every one of those dates")
  void kolkataHasNoChange() {
    for (LocalDate date : Fixtures.DST_DATES) {
      List<Slot> slots = allDaySlots(KOLKATA, 30, date.toString());
      assertThat(slots).as("on %s", date).hasSize(48);
      assertThat(slots.get(0).start()).isEqualTo(date.atStartOfDay().minusMinutes(330).toInstant(java.time.ZoneOffset.UTC));
    }
  }

  @Example
  @Label("office hours keep their wall-clock time across a change: 09:00 in Berlin is 08:00Z before and 07:00Z after")
  void officeHoursDoNotShiftByAnHour() {
    AvailabilityRule office = AvailabilityRule.weekdays(WallClockWindow.of("09:00", "17:00"),
        List.of(WallClockWindow.of("12:00", "13:00")));
    List<Slot> friday = slotsOn(BERLIN, office, 60, LocalDate.parse("2026-03-27"));
    List<Slot> monday = slotsOn(BERLIN, office, 60, LocalDate.parse("2026-03-30"));
    List<LocalTime> expected = List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0),
        LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(16, 0));
    assertThat(wallStarts(friday, BERLIN)).isEqualTo(expected);
    assertThat(wallStarts(monday, BERLIN)).isEqualTo(expected);
    assertThat(friday.get(0).start()).isEqualTo(at("2026-03-27T08:00:00Z"));
    assertThat(monday.get(0).start()).isEqualTo(at("2026-03-30T07:00:00Z"));
  }

  @Example
  @Label("a viewer in Kiritimati asking for 2026-03-08 gets exactly the slots that start on that date at +14:00")
  void viewerDatesAreTheViewersOwn() {
    LocalDate date = LocalDate.parse("2026-03-08");
    TimeRange viewerDay =
        new TimeRange(date.atStartOfDay(KIRITIMATI).toInstant(), date.plusDays(1).atStartOfDay(KIRITIMATI).toInstant());
    List<Slot> slots = SlotEngine.freeSlots(resource(NEW_YORK, everyDay(ALL_DAY)), plainType(30),
        Duration.ofMinutes(30), Schedule.empty(Fixtures.RESOURCE), LONG_BEFORE, viewerDay);
    assertThat(slots).hasSize(48);
    assertThat(slots).allSatisfy(s -> assertThat(s.start().atZone(KIRITIMATI).toLocalDate()).isEqualTo(date));
    assertThat(slots.get(0).start()).isEqualTo(at("2026-03-07T10:00:00Z"));
  }

  // Regressions: windows whose edges fall where the clocks jump. Before the fix a wall time inside a DST gap was
  // pushed forward by the length of the gap, so a window or break edge there moved a whole hour (or a whole day).

  @Example
  @Label("regression: a window closing at 02:15 on Berlin's spring-forward night closes when the clocks jump at 02:00")
  void windowEndingInsideTheGapClosesAtTheJump() {
    List<Slot> slots = slotsOn(BERLIN, everyDay(WallClockWindow.of("00:00", "02:15")), 15,
        LocalDate.parse("2026-03-29"));
    assertThat(slots).hasSize(8);
    assertThat(slots.get(7).end()).isEqualTo(at("2026-03-29T01:00:00Z"));
  }

  @Example
  @Label("regression: a break from 02:30 to 03:30 on New York's spring-forward night still blocks 03:00-03:30 EDT")
  void breakStartingInsideTheGapStillBlocksAfterTheJump() {
    AvailabilityRule rule = everyDayWithBreaks(List.of(WallClockWindow.of("00:00", "06:00")),
        List.of(WallClockWindow.of("02:30", "03:30")));
    List<Slot> slots = slotsOn(NEW_YORK, rule, 30, LocalDate.parse("2026-03-08"));
    assertThat(starts(slots)).doesNotContain(at("2026-03-08T07:00:00Z")).contains(at("2026-03-08T07:30:00Z"));
    assertThat(wallStarts(slots, NEW_YORK)).containsExactly(LocalTime.of(0, 0), LocalTime.of(0, 30),
        LocalTime.of(1, 0), LocalTime.of(1, 30), LocalTime.of(3, 30), LocalTime.of(4, 0), LocalTime.of(4, 30),
        LocalTime.of(5, 0), LocalTime.of(5, 30));
  }

  @Example
  @Label("regression: Lord Howe's 02:15-03:00 break still blocks 02:30 and 02:45 after the clocks jump from 02:00")
  void lordHoweBreakInsideTheHalfHourGap() {
    AvailabilityRule rule = everyDayWithBreaks(List.of(WallClockWindow.of("00:00", "06:00")),
        List.of(WallClockWindow.of("02:15", "03:00")));
    List<LocalTime> shown = wallStarts(slotsOn(LORD_HOWE, rule, 15, LocalDate.parse("2026-10-04")), LORD_HOWE);
    assertThat(shown).doesNotContain(LocalTime.of(2, 30), LocalTime.of(2, 45))
        .containsSubsequence(LocalTime.of(1, 45), LocalTime.of(3, 0));
    assertThat(shown).hasSize(8 + 12);
  }

  @Example
  @Label("regression: a window opening at 01:30 on New York's fall-back night does not offer the repeated 01:00 EST")
  void windowOpeningInsideTheRepeatedHour() {
    List<Slot> slots = slotsOn(NEW_YORK, everyDay(WallClockWindow.of("01:30", "03:00")), 30,
        LocalDate.parse("2026-11-01"));
    assertThat(starts(slots)).containsExactly(at("2026-11-01T05:30:00Z"), at("2026-11-01T06:30:00Z"),
        at("2026-11-01T07:00:00Z"), at("2026-11-01T07:30:00Z"));
  }

  @Example
  @Label("windows split at a repeated time give the same slots, in order, as the unsplit window")
  void splittingAWindowAtARepeatedTimeChangesNothing() {
    LocalDate date = LocalDate.parse("2026-11-01");
    List<Slot> split = slotsOn(NEW_YORK,
        everyDay(WallClockWindow.of("00:00", "01:30"), WallClockWindow.of("01:30", "03:00")), 30, date);
    List<Slot> whole = slotsOn(NEW_YORK, everyDay(WallClockWindow.of("00:00", "03:00")), 30, date);
    assertThat(split).isEqualTo(whole).hasSize(8);
  }

  @Example
  @Label("regression: Samoa's skipped day 2011-12-30 offers nothing and does not double 2011-12-31")
  void aSkippedDayOffersNoSlotAndDoublesNothing() {
    ZoneId apia = ZoneId.of("Pacific/Apia");
    TimeRange range = new TimeRange(at("2011-12-29T00:00:00Z"), at("2012-01-03T00:00:00Z"));
    List<Slot> slots = SlotEngine.freeSlots(resource(apia, everyDay(WallClockWindow.of("09:00", "17:00"))),
        plainType(60), Duration.ofMinutes(60), Schedule.empty(Fixtures.RESOURCE), at("2011-01-01T00:00:00Z"), range);
    Map<LocalDate, Long> perDate = slots.stream()
        .collect(Collectors.groupingBy(s -> s.start().atZone(apia).toLocalDate(), Collectors.counting()));
    assertThat(perDate).doesNotContainKey(LocalDate.parse("2011-12-30")).containsEntry(LocalDate.parse("2011-12-31"), 8L);
    assertThat(slots).doesNotHaveDuplicates();
  }

  @Example
  @Label("regression: startOn and endOn put a wall time the clocks skip at the instant of the jump, not an hour later")
  void startOnAndEndOnInsideAGap() {
    WallClockWindow window = WallClockWindow.of("02:30", "03:30");
    LocalDate date = LocalDate.parse("2026-03-08");
    assertThat(window.startOn(date, NEW_YORK).toInstant()).isEqualTo(at("2026-03-08T07:00:00Z"));
    assertThat(window.endOn(date, NEW_YORK).toInstant()).isEqualTo(at("2026-03-08T07:30:00Z"));
    assertThat(window.rangesOn(date, NEW_YORK))
        .containsExactly(new TimeRange(at("2026-03-08T07:00:00Z"), at("2026-03-08T07:30:00Z")));
  }
}
