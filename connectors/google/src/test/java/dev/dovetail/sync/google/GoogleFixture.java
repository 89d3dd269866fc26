package dev.dovetail.sync.google;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.Vertx;
import java.time.Clock;

/** A Vert.x, a running Google emulator with one user, and the real connector pointed at it. */
final class GoogleFixture implements AutoCloseable {

  static final String OWNER = "owner@acme.test";

  final Vertx vertx = Vertx.vertx();
  final GoogleCalendarEmulator emulator;
  final GoogleSettings settings;
  final GoogleCalendarConnector connector;

  GoogleFixture(Clock clock) {
    emulator = GoogleCalendarEmulator.start(vertx, clock, 42).await();
    emulator.addUser(OWNER);
    settings = GoogleSettings.of(GoogleCalendarEmulator.CLIENT_ID, GoogleCalendarEmulator.CLIENT_SECRET,
        emulator.apiRoot(), emulator.oauthBase());
    connector = new GoogleCalendarConnector(vertx, settings);
  }

  /** A new empty secondary calendar of the owner. */
  String newCalendar() {
    String id = "c" + Ids.random().substring(0, 10) + "@group.calendar.google.com";
    emulator.addCalendar(OWNER, id);
    return id;
  }

  Grant newGrant() {
    return new Grant("google-" + Ids.random().substring(0, 8), OWNER, emulator.issueRefreshToken(OWNER));
  }

  @Override
  public void close() {
    emulator.close().await();
    vertx.close().await();
  }
}
