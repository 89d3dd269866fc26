package dev.dovetail.account.app;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-account exponential back-off of password logins (dashboard and CalDAV alike). The key is the account the login
 * names after normalisation (Unicode NFKC, spaces, case; a handle already resolved to its account's e-mail), so
 * {@code " Alice@Example.com"} and {@code "alice"} count against one account, and a login that names no account
 * counts the same way as one that does. The first {@link #FREE_FAILURES} failures cost nothing; after that each
 * failure locks the account for twice as long as the one before (1 s, 2 s, 4 s, ... at most {@link #MAX_LOCK}), and
 * while it is locked no password is even checked. A success, or {@link #FORGET_AFTER} without failures, clears it.
 * In memory, per node, bounded to the {@value #MAX_ACCOUNTS} most recent accounts (ADR 24).
 */
public final class LoginThrottle {

  public static final int FREE_FAILURES = 5;
  public static final Duration MAX_LOCK = Duration.ofMinutes(15);
  public static final Duration FORGET_AFTER = Duration.ofHours(1);
  static final int MAX_ACCOUNTS = 100_000;

  private record Failures(int count, long lastMillis, long lockedUntilMillis) {}

  private final Clock clock;
  private final Map<String, Failures> failures = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
      return size() > MAX_ACCOUNTS;
    }
  };

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** The key a login is counted under: NFKC, no surrounding or inner spaces, lower case. */
  public static String normalise(String login) {
    String folded = Normalizer.normalize(login, Normalizer.Form.NFKC);
    return folded.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  /** Seconds until {@code account} may try again, or 0 when it may try now. */
  public synchronized long lockedFor(String account) {
    Failures f = failures.get(account);
    long now = clock.millis();
    if (f == null || now >= f.lockedUntilMillis()) {
      return 0;
    }
    return (f.lockedUntilMillis() - now + 999) / 1000;
  }

  /** Records a failed login of {@code account}; returns the lock it now has, in seconds (0: none yet). */
  public synchronized long failed(String account) {
    long now = clock.millis();
    Failures before = failures.get(account);
    int count = before == null || now - before.lastMillis() > FORGET_AFTER.toMillis() ? 1 : before.count() + 1;
    long lock = count <= FREE_FAILURES ? 0 : lockMillis(count - FREE_FAILURES);
    failures.put(account, new Failures(count, now, now + lock));
    return (lock + 999) / 1000;
  }

  public synchronized void succeeded(String account) {
    failures.remove(account);
  }

  private static long lockMillis(int beyondFree) {
    long max = MAX_LOCK.toMillis();
    return beyondFree > 20 ? max : Math.min(max, 1000L << (beyondFree - 1));
  }
}
