package dev.dovetail.calendar.domain;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The time a calendar write stopped blocking: the spans of the blocks it released, minus whatever the schedule still
 * blocks after the write (the event's new instances, other events, bookings). What is left is announced through the
 * {@code FreedTime} port.
 */
public final class FreedSpans {

  private FreedSpans() {}

  /** Reads only the blocks that overlap what was released (ADR 69), not the whole schedule. */
  public static List<TimeRange> between(List<Block> released, Schedule after, Instant now) {
    List<TimeRange> freed = new ArrayList<>();
    for (TimeRange span : merge(released.stream().map(Block::span).toList())) {
      List<TimeRange> still = after.overlapping(span).stream().filter(b -> !b.isExpiredAt(now)).map(Block::span)
          .sorted(Comparator.comparing(TimeRange::start)).toList();
      freed.addAll(minus(span, still));
    }
    return freed;
  }

  /** {@code span} minus the sorted {@code busy} ranges. */
  private static List<TimeRange> minus(TimeRange span, List<TimeRange> busy) {
    List<TimeRange> out = new ArrayList<>();
    Instant cursor = span.start();
    for (TimeRange b : busy) {
      if (!b.end().isAfter(cursor)) {
        continue;
      }
      if (!b.start().isBefore(span.end())) {
        break;
      }
      if (b.start().isAfter(cursor)) {
        out.add(new TimeRange(cursor, b.start()));
      }
      if (b.end().isAfter(cursor)) {
        cursor = b.end();
      }
      if (!cursor.isBefore(span.end())) {
        return out;
      }
    }
    if (cursor.isBefore(span.end())) {
      out.add(new TimeRange(cursor, span.end()));
    }
    return out;
  }

  /** Sorted, with overlapping or touching ranges joined. */
  private static List<TimeRange> merge(List<TimeRange> ranges) {
    List<TimeRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(TimeRange::start));
    List<TimeRange> out = new ArrayList<>();
    for (TimeRange r : sorted) {
      TimeRange last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !r.start().isAfter(last.end())) {
        out.set(out.size() - 1, new TimeRange(last.start(), r.end().isAfter(last.end()) ? r.end() : last.end()));
      } else {
        out.add(r);
      }
    }
    return out;
  }
}
