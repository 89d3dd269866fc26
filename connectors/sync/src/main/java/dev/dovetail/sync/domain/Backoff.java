package dev.dovetail.sync.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure wait between half and all of
 * {@code min(max, base * 2^(n-1))} ("equal jitter"), so retries spread out instead of hitting a rate-limited service in
 * step. A wait the service asked for (Retry-After) is honoured as a floor.
 */
public record Backoff(Duration base, Duration max) {

  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15));

  public Duration after(int failures, long serviceAskedMillis, DoubleSupplier random) {
    int exponent = Math.max(0, Math.min(failures - 1, 30));
    long cap = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
    long wait = cap / 2 + (long) (random.getAsDouble() * (cap - cap / 2));
    return Duration.ofMillis(Math.max(wait, serviceAskedMillis));
  }
}
