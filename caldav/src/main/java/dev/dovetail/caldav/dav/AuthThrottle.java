package dev.dovetail.caldav.dav;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing over HTTP Basic: at most {@code maxFailures} failed logins per client address and per user
 * name in a fixed one-minute window, then 429 until the window ends (checked before the password is even verified).
 * Per node and in memory, bounded to the 10,000 most recent keys.
 */
public final class AuthThrottle {

  private static final long WINDOW_MILLIS = 60_000;
  private static final int MAX_KEYS = 10_000;

  private final int maxFailures;
  private final Clock clock;
  private final Map<String, long[]> windows = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public AuthThrottle(int maxFailures, Clock clock) {
    this.maxFailures = maxFailures;
    this.clock = clock;
  }

  /** Seconds to wait if any of the keys is blocked, else 0. */
  public synchronized long blockedFor(String... keys) {
    long now = clock.millis();
    long wait = 0;
    for (String key : keys) {
      long[] w = windows.get(key);
      if (w != null && now - w[0] < WINDOW_MILLIS && w[1] >= maxFailures) {
        wait = Math.max(wait, (w[0] + WINDOW_MILLIS - now + 999) / 1000);
      }
    }
    return wait;
  }

  public synchronized void failed(String... keys) {
    long now = clock.millis();
    for (String key : keys) {
      long[] w = windows.get(key);
      if (w == null || now - w[0] >= WINDOW_MILLIS) {
        windows.put(key, new long[] {now, 1});
      } else {
        w[1]++;
      }
    }
  }
}
