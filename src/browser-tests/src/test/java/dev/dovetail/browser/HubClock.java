package dev.dovetail.browser;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The clock of a hub under test, and of the emulators it talks to: it starts at an instant the test chooses and runs
 * at the real rate from there, so Vert.x timers (hold expiry, sweeps, token lifetimes) still agree with it. In
 * milliseconds, like the hub's own clock. Chromium cannot run under a faked system clock, so this is how the browser
 * tests run the hub at an awkward instant: {@code -Ddovetail.test.now=2027-03-27T23:30:00+01:00}.
 */
final class HubClock extends Clock {

  static final String PROPERTY = "dovetail.test.now";
  /** A Tuesday 10:00 in Berlin: every browser test starts here unless {@value #PROPERTY} names another instant. */
  static final Instant DEFAULT_START = OffsetDateTime.parse("2027-01-12T10:00:00+01:00").toInstant();

  private volatile long offsetMillis;

  private HubClock(Instant start) {
    set(start);
  }

  /** At the instant of {@value #PROPERTY} (ISO-8601 with an offset), else at {@link #DEFAULT_START}. */
  static HubClock fromProperty() {
    return new HubClock(start(System.getProperty(PROPERTY, "")));
  }

  static Instant start(String property) {
    if (property == null || property.isBlank()) {
      return DEFAULT_START;
    }
    try {
      return OffsetDateTime.parse(property.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("-D" + PROPERTY + " must be an ISO-8601 date-time with an offset, such as "
          + "2027-03-27T23:30:00+01:00: " + property, e);
    }
  }

  /** From now on the clock reads {@code now}, and runs on from there. */
  void set(Instant now) {
    offsetMillis = now.toEpochMilli() - System.currentTimeMillis();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offsetMillis;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    HubClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }
}
