package dev.dovetail.sync.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set arithmetic on half-open time ranges. */
public final class Spans {

  private Spans() {}

  /** The parts of {@code span} that none of {@code holes} covers, in order. */
  public static List<TimeRange> subtract(TimeRange span, List<TimeRange> holes) {
    List<TimeRange> sorted = new ArrayList<>(holes);
    sorted.sort(Comparator.comparing(TimeRange::start));
    List<TimeRange> parts = new ArrayList<>();
    Instant cursor = span.start();
    for (TimeRange hole : sorted) {
      if (!hole.overlaps(span)) {
        continue;
      }
      if (hole.start().isAfter(cursor)) {
        parts.add(new TimeRange(cursor, hole.start()));
      }
      if (hole.end().isAfter(cursor)) {
        cursor = hole.end();
      }
    }
    if (cursor.isBefore(span.end())) {
      parts.add(new TimeRange(cursor, span.end()));
    }
    return parts;
  }

  /** The union of {@code spans} as disjoint, ordered ranges (touching ranges merge). */
  public static List<TimeRange> union(List<TimeRange> spans) {
    List<TimeRange> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparing(TimeRange::start));
    List<TimeRange> merged = new ArrayList<>();
    for (TimeRange r : sorted) {
      TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !r.start().isAfter(last.end())) {
        if (r.end().isAfter(last.end())) {
          merged.set(merged.size() - 1, new TimeRange(last.start(), r.end()));
        }
      } else {
        merged.add(r);
      }
    }
    return merged;
  }
}
