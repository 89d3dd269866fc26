package dev.dovetail.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential back-off from {@code first}, doubling per attempt up to
 * {@code cap}, with "full jitter" in the upper half (each wait is uniformly between half and all of the computed
 * delay, so endpoints recovering together are not hit together). Gives up once the next attempt would start later
 * than {@code horizon} after the event was first due (about 3 days by default). An endpoint whose failures have run
 * unbroken for {@code disableAfter} is disabled.
 */
public record RetrySchedule(Duration first, Duration cap, Duration horizon, Duration disableAfter) {

  public static final RetrySchedule DEFAULT =
      new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(6), Duration.ofDays(3), Duration.ofDays(3));

  public RetrySchedule {
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || horizon.isNegative()) {
      throw new IllegalArgumentException("first > 0, cap >= first, horizon >= 0");
    }
  }

  /**
   * The time of the next attempt after {@code attempts} failed ones, or empty when it should give up.
   *
   * @param random a source of uniform values in [0, 1)
   */
  public Optional<Instant> next(int attempts, Instant firstDue, Instant now, DoubleSupplier random) {
    Duration delay = delay(attempts);
    long halfMillis = delay.toMillis() / 2;
    long jittered = halfMillis + (long) (random.getAsDouble() * (delay.toMillis() - halfMillis));
    Instant next = now.plusMillis(jittered);
    return next.isAfter(firstDue.plus(horizon)) ? Optional.empty() : Optional.of(next);
  }

  /** The un-jittered delay after {@code attempts} failures: first * 2^(attempts-1), at most cap. */
  public Duration delay(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    Duration d = first.multipliedBy(1L << doublings);
    return d.compareTo(cap) > 0 ? cap : d;
  }

  public boolean shouldDisable(WebhookEndpoint endpoint, Instant now) {
    return endpoint.failingSince() != null && !now.isBefore(endpoint.failingSince().plus(disableAfter));
  }
}
