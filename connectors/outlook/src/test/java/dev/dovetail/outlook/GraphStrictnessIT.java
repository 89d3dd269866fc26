package dev.dovetail.outlook;

import static dev.dovetail.outlook.GraphCalendarConnectorIT.event;
import static dev.dovetail.outlook.GraphCalendarConnectorIT.soon;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.RotatedTokens;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Where real Graph is stricter than the emulator used to be (issue 23, points 3 to 5): getSchedule covers the default
 * calendar only and is refused for personal accounts; a transactionId is remembered after its event is deleted;
 * calendars come ten a page.
 */
@DisplayName("GraphCalendarConnector against Graph's documented limits")
class GraphStrictnessIT {

  static Vertx vertx;
  static GraphEmulator graph;
  static MicrosoftIdentity identity;
  GraphCalendarConnector connector;
  Grant grant;
  String cal;

  @BeforeAll
  static void startEmulator() {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, GraphCalendarConnectorIT.AT).await();
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
    connector = new GraphCalendarConnector(vertx, identity, RotatedTokens.none(),
        GraphCalendarConnectorIT.patient(graph.graphBase()), graph.clock());
    grant = new Grant("conn-strict", GraphEmulator.USER_UPN, GraphCalendarConnectorIT.consent(identity));
    cal = graph.primaryCalendarId();
  }

  @Test
  @DisplayName("booking-time busy time covers every chosen calendar, not only the default one")
  void busyCoversEveryChosenCalendar() {
    String family = graph.createCalendar("Family");
    graph.createEvent(family, event("school run", soon(2, "08:00:00"), soon(2, "09:00:00"), "UTC"));
    graph.createEvent(cal, event("meeting", soon(2, "10:00:00"), soon(2, "11:00:00"), "UTC"));

    List<TimeRange> busy = connector.busy(grant, List.of(cal, family), day(2)).await();

    assertThat(busy).containsExactly(range(soon(2, "08:00:00Z"), soon(2, "09:00:00Z")),
        range(soon(2, "10:00:00Z"), soon(2, "11:00:00Z")));
  }

  @Test
  @DisplayName("booking-time busy time works for a personal Microsoft account (no getSchedule)")
  void busyWorksForPersonalAccounts() {
    graph.personalAccount(true);
    graph.createEvent(cal, event("dentist", soon(3, "14:00:00"), soon(3, "15:00:00"), "UTC"));

    assertThat(connector.busy(grant, List.of(cal), day(3)).await())
        .containsExactly(range(soon(3, "14:00:00Z"), soon(3, "15:00:00Z")));
  }

  @Test
  @DisplayName("a booking event the provider deleted is created again, although Graph remembers its transactionId")
  void deletedMirrorEventIsCreatedAgain() {
    OutboundEvent booking = new OutboundEvent("b-1", "dvtlabc123", "Booking: Ada", "Demo room",
        range(soon(4, "09:00:00Z"), soon(4, "09:30:00Z")), ZoneId.of("Europe/Berlin"));
    WrittenEvent first = connector.create(grant, cal, booking).await();
    graph.deleteEvent(first.eventId());

    WrittenEvent again = connector.create(grant, cal, booking).await();

    assertThat(again.eventId()).isNotEqualTo(first.eventId());
    assertThat(graph.event(again.eventId())).isNotNull();
    assertThat(connector.create(grant, cal, booking).await().eventId()).as("a retried create does not duplicate")
        .isEqualTo(again.eventId());
  }

  @Test
  @DisplayName("calendars after the tenth (Graph pages at 10) can be chosen")
  void calendarsArePaged() {
    for (int i = 1; i <= 12; i++) {
      graph.createCalendar("Calendar " + i);
    }

    List<ExternalCalendar> calendars = connector.calendars(grant).await();

    assertThat(calendars).hasSize(13);
    assertThat(calendars).extracting(ExternalCalendar::name).contains("Calendar 12");
  }

  private static TimeRange day(int days) {
    return range(soon(days, "00:00:00Z"), soon(days + 1, "00:00:00Z"));
  }

  private static TimeRange range(String start, String end) {
    return new TimeRange(Instant.parse(start), Instant.parse(end));
  }
}
