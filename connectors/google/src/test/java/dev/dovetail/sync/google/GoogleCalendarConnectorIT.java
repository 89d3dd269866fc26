package dev.dovetail.sync.google;

import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.google.emulator.EmulatorExternalSide;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.CalendarConnectorContract;
import dev.dovetail.sync.testkit.ExternalSide;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** The connector contract, through the real Google client, against the emulator over loopback HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleCalendarConnectorIT implements CalendarConnectorContract {

  /** The emulator's "now" a day before the contract's events, so its listing window holds them at any instant. */
  private final GoogleFixture google = new GoogleFixture(Clock.fixed(T0.minus(Duration.ofDays(1)), ZoneOffset.UTC));
  private Grant grant;
  private String calendarId;

  @BeforeEach
  void freshCalendar() {
    grant = google.newGrant();
    calendarId = google.newCalendar();
  }

  @AfterAll
  void close() {
    google.close();
  }

  @Override
  public CalendarConnector connector() {
    return google.connector;
  }

  @Override
  public Grant grant() {
    return grant;
  }

  @Override
  public String calendarId() {
    return calendarId;
  }

  @Override
  public ExternalSide external() {
    return new EmulatorExternalSide(google.emulator);
  }
}
