package dev.dovetail.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a resource is open, in wall-clock time of the resource's zone: weekly hours, daily breaks (lunch) cut out of
 * the weekly hours, date overrides that replace a day's hours (an empty list closes the day), and holidays (closed).
 * A date's hours are resolved in that order of precedence: holiday, override, weekly hours minus breaks.
 */
public record AvailabilityRule(
    Map<DayOfWeek, List<WallClockWindow>> weeklyHours,
    List<WallClockWindow> breaks,
    Map<LocalDate, List<WallClockWindow>> dateOverrides,
    Set<LocalDate> holidays) {

  public AvailabilityRule {
    weeklyHours = copyWeekly(weeklyHours);
    breaks = sortedDisjoint(breaks, "breaks");
    Map<LocalDate, List<WallClockWindow>> overrides = new TreeMap<>();
    Objects.requireNonNull(dateOverrides, "dateOverrides")
        .forEach((date, windows) -> overrides.put(date, sortedDisjoint(windows, "override on " + date)));
    dateOverrides = Collections.unmodifiableMap(overrides);
    holidays = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(holidays, "holidays")));
  }

  /** Monday to Friday, the same hours each day, with the given breaks; no overrides or holidays. */
  public static AvailabilityRule weekdays(WallClockWindow hours, List<WallClockWindow> breaks) {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        weekly.put(day, List.of(hours));
      }
    }
    return new AvailabilityRule(weekly, breaks, Map.of(), Set.of());
  }

  /** The open windows of the given local date, sorted and disjoint. */
  public List<WallClockWindow> openWindowsOn(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    List<WallClockWindow> override = dateOverrides.get(date);
    if (override != null) {
      return override;
    }
    return subtract(weeklyHours.getOrDefault(date.getDayOfWeek(), List.of()), breaks);
  }

  private static List<WallClockWindow> subtract(List<WallClockWindow> open, List<WallClockWindow> cuts) {
    List<WallClockWindow> result = new ArrayList<>();
    for (WallClockWindow window : open) {
      int from = window.startMinute();
      int to = window.endMinute();
      for (WallClockWindow cut : cuts) {
        if (cut.endMinute() <= from || cut.startMinute() >= to) {
          continue;
        }
        if (cut.startMinute() > from) {
          result.add(window(from, cut.startMinute()));
        }
        from = Math.max(from, cut.endMinute());
      }
      if (from < to) {
        result.add(window(from, to));
      }
    }
    return List.copyOf(result);
  }

  private static WallClockWindow window(int fromMinute, int toMinute) {
    LocalTime end = toMinute == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(toMinute / 60, toMinute % 60);
    return new WallClockWindow(LocalTime.of(fromMinute / 60, fromMinute % 60), end);
  }

  private static Map<DayOfWeek, List<WallClockWindow>> copyWeekly(Map<DayOfWeek, List<WallClockWindow>> weekly) {
    Map<DayOfWeek, List<WallClockWindow>> copy = new EnumMap<>(DayOfWeek.class);
    Objects.requireNonNull(weekly, "weeklyHours")
        .forEach((day, windows) -> copy.put(day, sortedDisjoint(windows, "hours on " + day)));
    return Collections.unmodifiableMap(copy);
  }

  private static List<WallClockWindow> sortedDisjoint(List<WallClockWindow> windows, String what) {
    List<WallClockWindow> sorted = new ArrayList<>(Objects.requireNonNull(windows, what));
    sorted.sort(Comparator.comparingInt(WallClockWindow::startMinute));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).overlaps(sorted.get(i))) {
        throw new IllegalArgumentException(what + " overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    return List.copyOf(sorted);
  }
}
