package dev.dovetail.booking.domain;

import static dev.dovetail.booking.domain.Fixtures.wallContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.kernel.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** How a date's opening hours are resolved: holiday, else override, else weekly hours minus breaks. */
@Label("An availability rule")
class AvailabilityRuleProperties {

  private static final LocalDate MONDAY = LocalDate.parse("2026-03-30");

  @Provide
  Arbitrary<List<WallClockWindow>> windows() {
    return Scenarios.windows(4);
  }

  private static WallClockWindow w(String from, String to) {
    return WallClockWindow.of(from, to);
  }

  private static AvailabilityRule rule(List<WallClockWindow> monday, List<WallClockWindow> breaks,
      Map<LocalDate, List<WallClockWindow>> overrides, Set<LocalDate> holidays) {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(DayOfWeek.MONDAY, monday);
    return new AvailabilityRule(weekly, breaks, overrides, holidays);
  }

  /** The minutes of the day (0..1439) that the windows cover. */
  private static BitSet minutes(List<WallClockWindow> windows) {
    BitSet open = new BitSet(1440);
    for (int m = 0; m < 1440; m++) {
      for (WallClockWindow window : windows) {
        if (wallContains(window, m)) {
          open.set(m);
        }
      }
    }
    return open;
  }

  private static void assertSortedDisjoint(List<WallClockWindow> windows) {
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i - 1).endMinute()).isLessThanOrEqualTo(windows.get(i).startMinute());
    }
  }

  @Property(tries = 300)
  @Label("opens a weekday exactly at the minutes of its weekly hours that no break covers")
  void breaksCutWeeklyHours(@ForAll("windows") List<WallClockWindow> hours,
      @ForAll("windows") List<WallClockWindow> breaks) {
    List<WallClockWindow> open = rule(hours, breaks, Map.of(), Set.of()).openWindowsOn(MONDAY);
    BitSet expected = minutes(hours);
    expected.andNot(minutes(breaks));
    assertThat(minutes(open)).isEqualTo(expected);
    assertSortedDisjoint(open);
  }

  @Property(tries = 200)
  @Label("replaces a date's hours with its override, which breaks do not cut, and closes a holiday whatever else")
  void overridesReplaceAndHolidaysClose(@ForAll("windows") List<WallClockWindow> hours,
      @ForAll("windows") List<WallClockWindow> breaks, @ForAll("windows") List<WallClockWindow> override) {
    AvailabilityRule overridden = rule(hours, breaks, Map.of(MONDAY, override), Set.of());
    assertThat(overridden.openWindowsOn(MONDAY)).isEqualTo(override);
    assertThat(overridden.openWindowsOn(MONDAY.plusWeeks(1)))
        .isEqualTo(rule(hours, breaks, Map.of(), Set.of()).openWindowsOn(MONDAY.plusWeeks(1)));
    AvailabilityRule holiday = rule(hours, breaks, Map.of(MONDAY, override), Set.of(MONDAY));
    assertThat(holiday.openWindowsOn(MONDAY)).isEmpty();
  }

  @Property(tries = 300)
  @Label("an override changes the open real time of its own date only, on the days around a DST change")
  void overrideChangesOnlyItsOwnDateAcrossDst(@ForAll("windows") List<WallClockWindow> hours,
      @ForAll("windows") List<WallClockWindow> breaks, @ForAll("windows") List<WallClockWindow> override,
      @ForAll("dstDays") LocalDate day, @ForAll("dstZones") java.time.ZoneId zone) {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      weekly.put(d, hours);
    }
    AvailabilityRule plain = new AvailabilityRule(weekly, breaks, Map.of(), Set.of());
    AvailabilityRule overridden = new AvailabilityRule(weekly, breaks, Map.of(day, override), Set.of());
    for (LocalDate d = day.minusDays(2); d.isBefore(day.plusDays(3)); d = d.plusDays(1)) {
      List<TimeRange> before = realTime(plain, d, zone);
      List<TimeRange> after = realTime(overridden, d, zone);
      if (d.equals(day)) {
        assertThat(after).isEqualTo(realTimeOf(override, d, zone));
      } else {
        assertThat(after).as(d.toString()).isEqualTo(before);
      }
    }
  }

  private static List<TimeRange> realTime(AvailabilityRule rule, LocalDate date, java.time.ZoneId zone) {
    return realTimeOf(rule.openWindowsOn(date), date, zone);
  }

  private static List<TimeRange> realTimeOf(List<WallClockWindow> windows, LocalDate date, java.time.ZoneId zone) {
    return windows.stream().flatMap(w -> w.rangesOn(date, zone).stream()).toList();
  }

  /** Dates on and next to the 2026 DST changes of the zones below (spring and autumn, both hemispheres). */
  @Provide
  Arbitrary<LocalDate> dstDays() {
    return Arbitraries.of(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-10-25"), LocalDate.parse("2026-03-08"),
        LocalDate.parse("2026-11-01"), LocalDate.parse("2026-04-05"), LocalDate.parse("2026-10-04"))
        .flatMap(d -> Arbitraries.integers().between(-1, 1).map(d::plusDays));
  }

  @Provide
  Arbitrary<java.time.ZoneId> dstZones() {
    return Arbitraries.of("Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe")
        .map(java.time.ZoneId::of);
  }

  @Example
  @Label("a lunch break splits 09:00-17:00 into 09:00-12:00 and 13:00-17:00, and weekends stay closed")
  void lunchBreak() {
    AvailabilityRule office = AvailabilityRule.weekdays(w("09:00", "17:00"), List.of(w("12:00", "13:00")));
    assertThat(office.openWindowsOn(MONDAY)).containsExactly(w("09:00", "12:00"), w("13:00", "17:00"));
    assertThat(office.openWindowsOn(MONDAY.plusDays(5))).isEmpty();
    assertThat(office.openWindowsOn(MONDAY.plusDays(6))).isEmpty();
  }

  @Example
  @Label("breaks that overhang the hours or cover them entirely cut only what they overlap")
  void overhangingBreaks() {
    AvailabilityRule rule = rule(List.of(w("09:00", "12:00"), w("14:00", "18:00")),
        List.of(w("08:00", "10:00"), w("11:30", "14:30"), w("17:00", "00:00")), Map.of(), Set.of());
    assertThat(rule.openWindowsOn(MONDAY)).containsExactly(w("10:00", "11:30"), w("14:30", "17:00"));
    AvailabilityRule covered = rule(List.of(w("09:00", "12:00")), List.of(w("09:00", "12:00")), Map.of(), Set.of());
    assertThat(covered.openWindowsOn(MONDAY)).isEmpty();
  }

  @Example
  @Label("an empty override closes the day, and a holiday closes it even when an override opens it")
  void emptyOverrideAndHoliday() {
    AvailabilityRule closed = rule(List.of(w("09:00", "17:00")), List.of(), Map.of(MONDAY, List.of()), Set.of());
    assertThat(closed.openWindowsOn(MONDAY)).isEmpty();
    AvailabilityRule holiday = rule(List.of(w("09:00", "17:00")), List.of(),
        Map.of(MONDAY, List.of(w("10:00", "11:00"))), Set.of(MONDAY));
    assertThat(holiday.openWindowsOn(MONDAY)).isEmpty();
    assertThat(holiday.openWindowsOn(MONDAY.plusWeeks(1))).containsExactly(w("09:00", "17:00"));
  }

  @Example
  @Label("24:00 is the end of the day: 22:00-24:00 lasts two hours and a break until 24:00 closes the evening")
  void midnightEndsTheDay() {
    WallClockWindow lateShift = w("22:00", "00:00");
    assertThat(lateShift.startMinute()).isEqualTo(22 * 60);
    assertThat(lateShift.endMinute()).isEqualTo(24 * 60);
    AvailabilityRule allDay = rule(List.of(w("00:00", "00:00")), List.of(w("20:00", "00:00")), Map.of(), Set.of());
    assertThat(allDay.openWindowsOn(MONDAY)).containsExactly(w("00:00", "20:00"));
    AvailabilityRule evening = rule(List.of(w("00:00", "00:00")), List.of(w("00:00", "06:00")), Map.of(), Set.of());
    assertThat(evening.openWindowsOn(MONDAY)).containsExactly(w("06:00", "00:00"));
  }

  @Example
  @Label("overlapping weekly hours, breaks or override windows are refused when the rule is made")
  void overlappingWindowsAreRefused() {
    List<WallClockWindow> overlapping = List.of(w("09:00", "12:00"), w("11:00", "13:00"));
    assertThatThrownBy(() -> rule(overlapping, List.of(), Map.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule(List.of(), overlapping, Map.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule(List.of(), List.of(), Map.of(MONDAY, overlapping), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<LocalDate> anyDate() {
    return Arbitraries.integers().between(0, 3 * 366).map(MONDAY::plusDays);
  }

  @Property(tries = 100)
  @Label("resolves every date by its day of the week when it has neither override nor holiday")
  void weeklyHoursFollowTheDayOfWeek(@ForAll("anyDate") LocalDate date, @ForAll("windows") List<WallClockWindow> hours) {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(date.getDayOfWeek(), hours);
    AvailabilityRule rule = new AvailabilityRule(weekly, List.of(), Map.of(), Set.of());
    assertThat(rule.openWindowsOn(date)).isEqualTo(hours);
    assertThat(rule.openWindowsOn(date.plusDays(1))).isEmpty();
  }
}
