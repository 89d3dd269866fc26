package dev.dovetail.outlook.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The emulator's time plus an offset that tests move forward (token and subscription expiry): a start instant the test
 * chooses, running on from there at the real pace, so every test holds the service at an instant of its choosing.
 */
public final class EmuClock extends Clock {

  private final Instant start;
  private final long startNanos = System.nanoTime();
  private volatile Duration offset = Duration.ZERO;

  /** From {@code start} on. */
  public EmuClock(Instant start) {
    this.start = Objects.requireNonNull(start, "start");
  }

  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return start.plusNanos(System.nanoTime() - startNanos).plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
