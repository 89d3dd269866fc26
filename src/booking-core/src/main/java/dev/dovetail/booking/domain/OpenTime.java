package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** When a resource is open around a window: its availability rule turned into instants, DST days included. */
public final class OpenTime {

  private OpenTime() {}

  /**
   * The open time of every local date the window touches (a day either side for zones and DST), merged and in time
   * order; not cut to the window.
   */
  public static List<TimeRange> around(Resource resource, TimeRange window) {
    ZoneId zone = resource.zone();
    LocalDate first = window.start().atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = window.end().atZone(zone).toLocalDate().plusDays(1);
    List<TimeRange> ranges = new ArrayList<>();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      for (WallClockWindow w : resource.availability().openWindowsOn(date)) {
        ranges.addAll(w.rangesOn(date, zone));
      }
    }
    return merged(ranges);
  }

  /** The open time within the window: {@link #around} cut to it. */
  public static List<TimeRange> within(Resource resource, TimeRange window) {
    return cut(around(resource, window), window);
  }

  /** The parts of the ranges within the window. */
  public static List<TimeRange> cut(List<TimeRange> ranges, TimeRange window) {
    return ranges.stream()
        .filter(r -> r.overlaps(window))
        .map(r -> new TimeRange(max(r.start(), window.start()), min(r.end(), window.end())))
        .toList();
  }

  /** The union of the ranges, as disjoint ranges in time order (touching ones joined). */
  public static List<TimeRange> merged(List<TimeRange> ranges) {
    List<TimeRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(TimeRange::start));
    List<TimeRange> merged = new ArrayList<>();
    for (TimeRange r : sorted) {
      TimeRange previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && !r.start().isAfter(previous.end())) {
        merged.set(merged.size() - 1, new TimeRange(previous.start(), max(previous.end(), r.end())));
      } else {
        merged.add(r);
      }
    }
    return merged;
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
