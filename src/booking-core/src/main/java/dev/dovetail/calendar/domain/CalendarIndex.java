package dev.dovetail.calendar.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A time index over one calendar version: every instance of every object (from {@link ObjectTimes#indexed}) in one
 * array sorted by start, so a time-range query costs a binary search plus the instances near the range instead of a
 * pass over the calendar. Instances longer than {@link #LONG} sit in a short list read on every query, which bounds
 * how far back a search has to start. Objects whose expansion is not exact for the range (a never-ending series asked
 * about beyond its horizon, or one with too many instances) are matched exactly by {@link ObjectTimes#overlaps} per
 * query. Immutable once built; build it on a worker thread.
 */
public final class CalendarIndex {

  static final Duration LONG = Duration.ofDays(14);

  private final ObjectTimes times;
  private final CalendarObject[] objects;
  private final long[] starts;
  private final long[] ends;
  private final int[] owners;
  private final long maxShortSeconds;
  private final int[] longSpans;
  private final long[] longStarts;
  private final long[] longEnds;
  private final ZoneId zone;
  private final int[] partial;
  private final Instant[] exactUntil;

  private CalendarIndex(CalendarCollection calendar, ObjectTimes times, ZoneId zone, Instant now,
      Runnable checkpoint) {
    this.times = times;
    this.zone = zone;
    this.objects = calendar.objects().toArray(new CalendarObject[0]);
    record Span(long start, long end, int owner) {}
    List<Span> shortSpans = new ArrayList<>();
    List<Span> longOnes = new ArrayList<>();
    List<Integer> partials = new ArrayList<>();
    exactUntil = new Instant[objects.length];
    long maxShort = 0;
    for (int i = 0; i < objects.length; i++) {
      checkpoint.run();
      ObjectTimes.Indexed indexed = times.indexed(objects[i], zone, now);
      exactUntil[i] = indexed.exactUntil();
      if (indexed.exactUntil().isBefore(Instant.MAX)) {
        partials.add(i);
      }
      for (ObjectTimes.Instance o : indexed.instances()) {
        Span s = new Span(o.start().getEpochSecond(), o.end().getEpochSecond(), i);
        long length = s.end() - s.start();
        if (length > LONG.getSeconds()) {
          longOnes.add(s);
        } else {
          shortSpans.add(s);
          maxShort = Math.max(maxShort, length);
        }
      }
    }
    shortSpans.sort((a, b) -> Long.compare(a.start(), b.start()));
    starts = new long[shortSpans.size()];
    ends = new long[shortSpans.size()];
    owners = new int[shortSpans.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = shortSpans.get(i).start();
      ends[i] = shortSpans.get(i).end();
      owners[i] = shortSpans.get(i).owner();
    }
    maxShortSeconds = maxShort;
    longSpans = new int[longOnes.size()];
    longStarts = new long[longOnes.size()];
    longEnds = new long[longOnes.size()];
    for (int i = 0; i < longOnes.size(); i++) {
      longSpans[i] = longOnes.get(i).owner();
      longStarts[i] = longOnes.get(i).start();
      longEnds[i] = longOnes.get(i).end();
    }
    partial = partials.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Indexes a calendar version; objects' floating times are read in {@code zone}; {@code checkpoint} runs before each
   * object is expanded (a request's deadline).
   */
  public static CalendarIndex build(CalendarCollection calendar, ObjectTimes times, ZoneId zone, Instant now,
      Runnable checkpoint) {
    return new CalendarIndex(calendar, times, zone, now, checkpoint);
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * The objects with an instance overlapping [from, to) (RFC 4791 9.9), in href order; {@code checkpoint} runs before
   * each object matched per query (a request's deadline).
   */
  public List<CalendarObject> overlapping(Instant from, Instant to, Runnable checkpoint) {
    long f = from.getEpochSecond();
    long t = to.getEpochSecond();
    BitSet hit = new BitSet(objects.length);
    int i = firstStartAtOrAfter(f - maxShortSeconds);
    for (; i < starts.length && starts[i] < t; i++) {
      if (overlaps(starts[i], ends[i], f, t)) {
        hit.set(owners[i]);
      }
    }
    for (int j = 0; j < longSpans.length; j++) {
      if (overlaps(longStarts[j], longEnds[j], f, t)) {
        hit.set(longSpans[j]);
      }
    }
    for (int p : partial) {
      if (!hit.get(p) && to.isAfter(exactUntil[p])) {
        checkpoint.run();
        if (times.overlaps(objects[p], zone, from, to, checkpoint)) {
          hit.set(p);
        }
      }
    }
    List<CalendarObject> out = new ArrayList<>(hit.cardinality());
    for (int o = hit.nextSetBit(0); o >= 0; o = hit.nextSetBit(o + 1)) {
      out.add(objects[o]);
    }
    return out;
  }

  /** {@link ObjectTimes.Instance#overlaps} on epoch seconds: instants count at the range start, not at its end. */
  private static boolean overlaps(long start, long end, long from, long to) {
    if (start == end) {
      return start >= from && start < to;
    }
    return start < to && end > from;
  }

  private int firstStartAtOrAfter(long value) {
    int lo = 0;
    int hi = starts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** How many instances the index holds (for tests and diagnostics). */
  public int size() {
    return starts.length + longSpans.length;
  }
}
