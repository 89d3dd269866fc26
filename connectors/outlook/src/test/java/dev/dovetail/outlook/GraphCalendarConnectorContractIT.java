package dev.dovetail.outlook;

import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.outlook.emulator.GraphExternalSide;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.CalendarConnectorContract;
import dev.dovetail.sync.port.out.RotatedTokens;
import dev.dovetail.sync.testkit.ExternalSide;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("GraphCalendarConnector passes the common CalendarConnectorContract against the Graph emulator")
class GraphCalendarConnectorContractIT implements CalendarConnectorContract {

  static Vertx vertx;
  static GraphEmulator graph;
  static MicrosoftIdentity identity;
  GraphCalendarConnector connector;
  Grant grant;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, T0.minus(Duration.ofDays(1))).await(); // the connector's "now", below
    identity = new MicrosoftIdentity(new MicrosoftIdentity.Settings(graph.loginBase(), GraphEmulator.TENANT,
        graph.clientId(), graph.clientSecret()));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void fresh() throws Exception {
    graph.reset();
    // The contract's events sit around T0 (2030): the connector's "now" is the day before, so its window covers them.
    connector = new GraphCalendarConnector(vertx, identity, RotatedTokens.none(),
        GraphCalendarConnector.Settings.production().withGraphBase(graph.graphBase()),
        Clock.fixed(T0.minus(Duration.ofDays(1)), ZoneOffset.UTC));
    grant = new Grant("outlook-contract", GraphEmulator.USER_UPN, GraphCalendarConnectorIT.consent(identity));
  }

  @Override
  public CalendarConnector connector() {
    return connector;
  }

  @Override
  public Grant grant() {
    return grant;
  }

  @Override
  public String calendarId() {
    return graph.primaryCalendarId();
  }

  @Override
  public ExternalSide external() {
    return graph.externalSide();
  }
}
