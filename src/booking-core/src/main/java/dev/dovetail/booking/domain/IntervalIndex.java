package dev.dovetail.booking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers "does [s, e) overlap any of these intervals?" in O(log n) after an O(n log n) build. Intervals are sorted
 * by start, and {@code prefixMaxEnd[i]} is the latest end among the first i+1 of them: an overlap exists exactly when
 * some interval starting before {@code e} ends after {@code s}, i.e. when the prefix of intervals with start < e has
 * a maximum end > s. Intervals may overlap each other (busy events often do).
 */
public final class IntervalIndex {

  private final long[] starts;
  private final long[] prefixMaxEnd;

  public IntervalIndex(List<TimeRange> ranges) {
    List<TimeRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(TimeRange::start));
    starts = new long[sorted.size()];
    prefixMaxEnd = new long[sorted.size()];
    long maxEnd = Long.MIN_VALUE;
    for (int i = 0; i < sorted.size(); i++) {
      starts[i] = toMicros(sorted.get(i).start());
      maxEnd = Math.max(maxEnd, toMicros(sorted.get(i).end()));
      prefixMaxEnd[i] = maxEnd;
    }
  }

  public int size() {
    return starts.length;
  }

  public boolean overlapsAny(Instant start, Instant end) {
    int before = countStartingBefore(toMicros(end));
    return before > 0 && prefixMaxEnd[before - 1] > toMicros(start);
  }

  public boolean overlapsAny(TimeRange range) {
    return overlapsAny(range.start(), range.end());
  }

  /** Number of intervals whose start is strictly before {@code bound} (binary search). */
  private int countStartingBefore(long bound) {
    int low = 0;
    int high = starts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] < bound) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static long toMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
