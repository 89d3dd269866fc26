package dev.dovetail.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A hub clock a test moves forward: the real clock plus an offset, or (frozen) a fixed instant plus the offset, so
 * that nothing due later happens until the test says so. Milliseconds only, like the store.
 */
public final class MovableClock extends Clock {

  private final AtomicReference<Duration> offset;
  private final Instant frozenAt;
  private final ZoneId zone;

  /** Ticks with the real clock. */
  public MovableClock() {
    this(new AtomicReference<>(Duration.ZERO), null, ZoneOffset.UTC);
  }

  private MovableClock(AtomicReference<Duration> offset, Instant frozenAt, ZoneId zone) {
    this.offset = offset;
    this.frozenAt = frozenAt;
    this.zone = zone;
  }

  /** Stands still at the current real instant until advanced. */
  public static MovableClock frozen() {
    return new MovableClock(new AtomicReference<>(Duration.ZERO), Instant.ofEpochMilli(System.currentTimeMillis()),
        ZoneOffset.UTC);
  }

  public void advance(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
  }

  @Override
  public Instant instant() {
    Instant base = frozenAt == null ? Instant.ofEpochMilli(System.currentTimeMillis()) : frozenAt;
    return base.plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MovableClock(offset, frozenAt, other);
  }
}
