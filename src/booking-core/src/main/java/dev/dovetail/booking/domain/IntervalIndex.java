package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers "does [s, e) overlap any of these intervals?" in O(log n) after an O(n log n) build. Intervals are sorted
 * by start, and {@code prefixMaxEnd[i]} is the latest end among the first i+1 of them: an overlap exists exactly when
 * some interval starting before {@code e} ends after {@code s}, i.e. when the prefix of intervals with start < e has
 * a maximum end > s. Intervals may overlap each other (busy events often do). Instants are compared at full
 * (nanosecond) precision: an interval that ends a nanosecond after another starts overlaps it.
 */
public final class IntervalIndex {

  private final Instant[] starts;
  private final Instant[] prefixMaxEnd;

  public IntervalIndex(List<TimeRange> ranges) {
    List<TimeRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(TimeRange::start));
    starts = new Instant[sorted.size()];
    prefixMaxEnd = new Instant[sorted.size()];
    Instant maxEnd = Instant.MIN;
    for (int i = 0; i < sorted.size(); i++) {
      starts[i] = sorted.get(i).start();
      if (sorted.get(i).end().isAfter(maxEnd)) {
        maxEnd = sorted.get(i).end();
      }
      prefixMaxEnd[i] = maxEnd;
    }
  }

  public int size() {
    return starts.length;
  }

  public boolean overlapsAny(Instant start, Instant end) {
    int before = countStartingBefore(end);
    return before > 0 && prefixMaxEnd[before - 1].isAfter(start);
  }

  public boolean overlapsAny(TimeRange range) {
    return overlapsAny(range.start(), range.end());
  }

  /** Number of intervals whose start is strictly before {@code bound} (binary search). */
  private int countStartingBefore(Instant bound) {
    int low = 0;
    int high = starts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (starts[mid].isBefore(bound)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
