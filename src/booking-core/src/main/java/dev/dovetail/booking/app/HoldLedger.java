package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The holds recently made under each limit key (a booking type with a customer e-mail or a client address), in this
 * node's memory like the public rate limit (ADR 35). {@link #take} checks every key and records the holds in one
 * step, so parallel requests cannot overshoot a limit; {@link #giveBack} returns them when the booking then fails.
 * Memory is bounded: a key keeps at most its limit of instants, and the least recently used keys beyond
 * {@code maxKeys} are forgotten.
 */
public final class HoldLedger {

  /** One limit to check: at most {@code limit} holds under {@code key} within {@code window}; {@code what} names it. */
  public record Limit(String key, int limit, Duration window, String what) {}

  private final int maxKeys;
  private final Map<String, ArrayDeque<Instant>> recent;

  public HoldLedger(int maxKeys) {
    this.maxKeys = maxKeys;
    this.recent = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
        return size() > HoldLedger.this.maxKeys;
      }
    };
  }

  /**
   * Records {@code count} holds at {@code now} under every limit, or none: throws {@link TooManyRequestsException}
   * naming the first limit they would exceed, with the seconds until enough earlier holds leave its window.
   */
  public synchronized void take(List<Limit> limits, int count, Instant now) {
    for (Limit limit : limits) {
      ArrayDeque<Instant> held = pruned(limit, now);
      int excess = held.size() + count - limit.limit();
      if (excess > 0) {
        throw new TooManyRequestsException("too many holds " + limit.what() + ": at most " + limit.limit()
            + " in " + limit.window().toMinutes() + " minutes for this booking type", retryAfter(held, excess, limit, now));
      }
    }
    for (Limit limit : limits) {
      ArrayDeque<Instant> held = recent.computeIfAbsent(limit.key(), k -> new ArrayDeque<>());
      for (int i = 0; i < count; i++) {
        held.addLast(now);
      }
    }
  }

  /** Forgets {@code count} holds taken at {@code at} under these limits (the booking they were for failed). */
  public synchronized void giveBack(List<Limit> limits, int count, Instant at) {
    for (Limit limit : limits) {
      ArrayDeque<Instant> held = recent.get(limit.key());
      if (held == null) {
        continue;
      }
      int left = count;
      for (Iterator<Instant> it = held.descendingIterator(); it.hasNext() && left > 0; ) {
        if (it.next().equals(at)) {
          it.remove();
          left--;
        }
      }
      if (held.isEmpty()) {
        recent.remove(limit.key());
      }
    }
  }

  /** How many keys this node remembers (for tests of the memory bound). */
  public synchronized int keys() {
    return recent.size();
  }

  private ArrayDeque<Instant> pruned(Limit limit, Instant now) {
    ArrayDeque<Instant> held = recent.get(limit.key());
    if (held == null) {
      return new ArrayDeque<>();
    }
    Instant since = now.minus(limit.window());
    while (!held.isEmpty() && !held.peekFirst().isAfter(since)) {
      held.removeFirst();
    }
    return held;
  }

  /** Seconds until {@code excess} of the oldest holds have left the window (the whole window if there are fewer). */
  private static long retryAfter(ArrayDeque<Instant> held, int excess, Limit limit, Instant now) {
    if (excess > held.size()) {
      return limit.window().toSeconds();
    }
    List<Instant> oldest = new ArrayList<>(held);
    Duration wait = Duration.between(now, oldest.get(excess - 1).plus(limit.window()));
    return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
  }
}
