package dev.dovetail.waitlist.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How long an offered customer has to claim a slot: the booking type's window (default {@link #DEFAULT}), but at most
 * half the time left until the slot starts, so that if they let it pass the next customer still has time too. A slot
 * so near that the window would be under {@link #MINIMUM} is not offered at all.
 */
public final class ClaimWindow {

  public static final Duration DEFAULT = Duration.ofMinutes(15);
  public static final Duration MINIMUM = Duration.ofMinutes(2);
  public static final Duration MAXIMUM = Duration.ofHours(24);

  private ClaimWindow() {}

  public static Optional<Duration> forSlot(Duration configured, Instant now, Instant slotStart) {
    Duration half = Duration.between(now, slotStart).dividedBy(2);
    Duration window = configured.compareTo(half) <= 0 ? configured : half;
    return window.compareTo(MINIMUM) < 0 ? Optional.empty() : Optional.of(window.truncatedTo(ChronoUnit.SECONDS));
  }
}
