package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.sync.app.StoredRotatedTokens;
import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncEngine;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ConnectionState;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.sync.testkit.InMemorySyncStore;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Microsoft rotates refresh tokens and lets each one expire 90 days after it was issued
 * (https://learn.microsoft.com/entra/identity-platform/refresh-tokens). A delegated connection synced every hour on the
 * emulator's clock for 91 days must still be connected: every rotated token is stored on the connection.
 */
@DisplayName("Outlook refresh-token rotation: 91 simulated days of hourly syncs")
class OutlookTokenRotationIT {

  /** The emulator's start: the 91 days run over a new year and a leap day. */
  static final Instant AT = Instant.parse("2027-12-31T23:30:00Z");
  static final String PROVIDER = "prov-rot";
  static final String ROOM = "room-rot";

  Vertx vertx;
  GraphEmulator graph;
  InMemorySyncStore.Connections connections;
  TokenCipher cipher;
  SyncEngine engine;
  String id;
  String cal;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, AT).await();
    cal = graph.primaryCalendarId();
    MicrosoftIdentity identity = new MicrosoftIdentity(new MicrosoftIdentity.Settings(graph.loginBase(),
        GraphEmulator.TENANT, graph.clientId(), graph.clientSecret()));
    cipher = new TokenCipher(new byte[32]);
    connections = new InMemorySyncStore.Connections();
    GraphCalendarConnector connector = new GraphCalendarConnector(vertx, identity,
        new StoredRotatedTokens(connections, cipher, graph.clock()), GraphCalendarConnector.Settings.production().withGraphBase(graph.graphBase()), graph.clock());
    InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
    resources.insert(TestBookings.officeHours(ROOM, PROVIDER, ZoneId.of("Europe/Berlin"))).await();
    SyncContext ctx = new SyncContext(Map.of(CalendarProvider.OUTLOOK, connector), connections,
        new InMemorySyncStore.States(), new InMemorySyncStore.Mirrors(), new InMemorySyncStore.Conflicts(), resources,
        new InMemoryScheduleRepository(), new InMemoryResourceLock(), SyncNotices.none(), cipher, Backoff.DEFAULT,
        graph.clock(), Math::random);
    engine = new SyncEngine(ctx, FreedTime.none(), BusyPolicy.DEFAULT, Duration.ofHours(1));
    id = Connection.idOf(CalendarProvider.OUTLOOK, PROVIDER);
    String refresh = GraphCalendarConnectorIT.consent(identity);
    connections.save(Connection.granted(PROVIDER, CalendarProvider.OUTLOOK, GraphEmulator.USER_UPN,
            cipher.seal(refresh, id), graph.clock().instant())
        .choosing(Map.of(cal, Set.of(ROOM)), cal, UnreachablePolicy.ACCEPT_LAST_SYNCED, graph.clock().instant()))
        .await();
  }

  @AfterEach
  void stop() {
    graph.stop().await();
    vertx.close().await();
  }

  @Test
  @DisplayName("hourly syncs for 91 days keep the connection connected, each rotated refresh token stored")
  void ninetyOneDaysOfHourlySyncsStayConnected() {
    String first = sealedToken();
    for (int hour = 0; hour < 91 * 24; hour++) {
      SyncEngine.Report report = engine.sync(id, cal).await();
      assertThat(report.outcome()).as("sync at day %d hour %d", hour / 24, hour % 24)
          .isEqualTo(SyncEngine.Outcome.SYNCED);
      graph.clock().advance(Duration.ofHours(1));
    }
    Connection after = connections.findById(id).await().orElseThrow();
    assertThat(after.state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(cipher.open(after.sealedRefreshToken(), id)).isNotEqualTo(cipher.open(first, id));
  }

  private String sealedToken() {
    return connections.findById(id).await().orElseThrow().sealedRefreshToken();
  }
}
