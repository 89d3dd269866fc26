package dev.dovetail.caldav.hostile;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Records answers of a hostile run: status counts per request family, and latency percentiles (for the report). */
public final class Latencies {

  private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
  private final java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();
  private long[] nanos = new long[1024];
  private int count;

  public synchronized void add(String kind, int status, long elapsedNanos, String preview) {
    slowest.put(elapsedNanos, status + " " + preview.substring(0, Math.min(preview.length(), 400)));
    if (slowest.size() > 12) {
      slowest.pollFirstEntry();
    }
    statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  public synchronized int count() {
    return count;
  }

  /** The slowest answer, in milliseconds. */
  public synchronized double maxMillis() {
    return Arrays.stream(nanos, 0, count).max().orElse(0) / 1e6;
  }

  /** A readable summary: requests, p50/p99/max latency, statuses per family. */
  public synchronized String report(String title) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    StringBuilder s = new StringBuilder(title).append('\n');
    s.append(String.format("requests %d, total %.1f s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", count,
        Arrays.stream(sorted).sum() / 1e9, pct(sorted, 0.50), pct(sorted, 0.99),
        count == 0 ? 0 : sorted[count - 1] / 1e6));
    statuses.forEach((kind, counts) -> s.append(String.format("%-30s %s%n", kind, counts)));
    s.append("slowest:\n");
    slowest.descendingMap().forEach((n, what) -> s.append(String.format("  %.1f ms  %s%n", n / 1e6, what)));
    return s.toString();
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
