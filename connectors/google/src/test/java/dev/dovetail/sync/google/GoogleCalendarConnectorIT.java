package dev.dovetail.sync.google;

import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.google.emulator.EmulatorExternalSide;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.CalendarConnectorContract;
import dev.dovetail.sync.testkit.ExternalSide;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** The connector contract, through the real Google client, against the emulator over loopback HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleCalendarConnectorIT implements CalendarConnectorContract {

  private final GoogleFixture google = new GoogleFixture(Clock.systemUTC());
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
