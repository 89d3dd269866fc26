package dev.dovetail.outlook.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's time plus an offset that tests move forward (token and subscription expiry): a fixed start instant
 * that then runs at the real pace, so a test holds the service at an instant of its choosing; or real time, which only
 * the browser tests still use.
 */
public final class EmuClock extends Clock {

  private final Instant start;
  private final long startNanos = System.nanoTime();
  private volatile Duration offset = Duration.ZERO;

  /** Real time. */
  public EmuClock() {
    this(null);
  }

  /** From {@code start} on (null: real time). */
  public EmuClock(Instant start) {
    this.start = start;
  }

  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    Instant base = start == null ? Instant.now() : start.plusNanos(System.nanoTime() - startNanos);
    return base.plus(offset);
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
