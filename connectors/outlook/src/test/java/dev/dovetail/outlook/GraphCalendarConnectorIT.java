package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalChange;
import dev.dovetail.sync.domain.ExternalEvent;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.ShowAs;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.RotatedTokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("GraphCalendarConnector against the Graph emulator, through the real Graph SDK")
class GraphCalendarConnectorIT {

  /**
   * The instant the emulator and the connector run at, whatever the wall clock says: Saturday evening, the eve of
   * Europe's spring DST change (Sunday 2027-03-28 01:00 UTC), two weeks after America's.
   */
  static final Instant AT = Instant.parse("2027-03-27T22:30:00Z");

  static Vertx vertx;
  static GraphEmulator graph;
  static MicrosoftIdentity identity;
  GraphCalendarConnector connector;
  Grant grant;
  String cal;

  @BeforeAll
  static void startEmulator() {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, AT).await();
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
    connector = connector(patient(graph.graphBase()));
    grant = new Grant("conn-1", GraphEmulator.USER_UPN, consent(identity));
    cal = graph.primaryCalendarId();
  }

  /**
   * Production settings against the emulator, but a live check that waits 30 s: these tests check what Graph answers,
   * not how fast, and a cold SDK's first call on a loaded machine (or under faketime) can pass the production 2 s.
   * The short timeout has its own test ({@link #liveCheckTimesOut}).
   */
  static GraphCalendarConnector.Settings patient(String graphBase) {
    return GraphCalendarConnector.Settings.production().withGraphBase(graphBase)
        .withLiveTimeout(Duration.ofSeconds(30));
  }

  static GraphCalendarConnector connector(GraphCalendarConnector.Settings settings) {
    return new GraphCalendarConnector(vertx, identity, RotatedTokens.none(), settings, graph.clock());
  }

  /** The authorization-code flow against the emulator: authorize redirects with a code, the code buys tokens. */
  static String consent(MicrosoftIdentity identity) throws Exception {
    String redirect = "http://127.0.0.1:1/hooks/outlook/callback";
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(identity.authorizationUrl("st-1", redirect))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(302);
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(redirect).contains("state=st-1");
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    return identity.exchange(code, redirect).refreshToken();
  }

  static JsonObject event(String subject, String start, String end, String zone) {
    return new JsonObject().put("subject", subject)
        .put("start", new JsonObject().put("dateTime", start).put("timeZone", zone))
        .put("end", new JsonObject().put("dateTime", end).put("timeZone", zone));
  }

  /** The UTC date {@code days} after {@link #AT}'s, at {@code time}. */
  static String soon(int days, String time) {
    return AT.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days)).toString().substring(0, 10) + "T" + time;
  }

  ChangeSet changes(String token) {
    return connector.changes(grant, cal, token).await();
  }

  static Map<String, ExternalEvent> upserts(ChangeSet set) {
    return set.changes().stream().filter(c -> c instanceof ExternalChange.Upserted)
        .map(c -> ((ExternalChange.Upserted) c).event())
        .collect(Collectors.toMap(ExternalEvent::eventId, Function.identity()));
  }

  static List<String> removals(ChangeSet set) {
    return set.changes().stream().filter(c -> c instanceof ExternalChange.Removed).map(ExternalChange::eventId)
        .toList();
  }

  @Test
  @DisplayName("a full listing expands a series into occurrences, each with its own id and iCalUId")
  void fullListingExpandsSeries() {
    JsonObject series = event("Standup", soon(7, "09:00:00"), soon(7, "09:15:00"), "Pacific Standard Time")
        .put("recurrence", new JsonObject()
            .put("pattern", new JsonObject().put("type", "daily").put("interval", 1))
            .put("range", new JsonObject().put("type", "numbered").put("numberOfOccurrences", 3)
                .put("startDate", soon(7, "").substring(0, 10))));
    graph.createEvent(cal, series);
    graph.createEvent(cal, event("Lunch", soon(8, "12:00:00"), soon(8, "13:00:00"), "UTC"));

    ChangeSet set = changes(null);

    assertThat(set.full()).isTrue();
    assertThat(upserts(set)).hasSize(4);
    List<JsonObject> view = graph.view(cal, graph.clock().instant(), graph.clock().instant().plus(Duration.ofDays(30)));
    assertThat(view.stream().map(v -> v.getString("iCalUId")).distinct()).hasSize(4);
    ExternalEvent standup = upserts(set).values().stream()
        .filter(e -> e.time().start().toString().startsWith(soon(7, "").substring(0, 10))).findFirst().orElseThrow();
    // 09:00 Pacific is 16:00 or 17:00 UTC depending on DST: mapped through CLDR, not taken as UTC.
    assertThat(standup.time().start().atZone(ZoneId.of("America/Los_Angeles")).toLocalTime().toString())
        .isEqualTo("09:00");
  }

  @Test
  @DisplayName("a series in W. Europe Standard Time across the March 2027 DST change, which falls between its"
      + " first and second instance, blocks the right instants")
  void dstCrossingSeries() {
    // half past midnight, Berlin time, from the night of the change (Sunday 2027-03-28, 02:00 → 03:00 local)
    graph.createEvent(cal, event("Night shift", "2027-03-28T00:30:00.0000000", "2027-03-28T01:30:00.0000000",
        "W. Europe Standard Time").put("recurrence", new JsonObject()
            .put("pattern", new JsonObject().put("type", "daily").put("interval", 1))
            .put("range", new JsonObject().put("type", "endDate").put("startDate", "2027-03-28")
                .put("endDate", "2027-03-30").put("recurrenceTimeZone", "W. Europe Standard Time"))));

    List<String> starts = upserts(changes(null)).values().stream().map(e -> e.time().start().toString()).sorted()
        .toList();

    // 00:30 is 23:30 UTC the evening before in winter time (UTC+1), 22:30 UTC in summer time (UTC+2)
    assertThat(starts).containsExactly("2027-03-27T23:30:00Z", "2027-03-28T22:30:00Z", "2027-03-29T22:30:00Z");
  }

  @Test
  @DisplayName("duplicates across pages and replays of the last round collapse to one current version per id")
  void duplicatesAndReplays() {
    graph.deltaKnobs(true, true, false, 2);
    for (int i = 0; i < 5; i++) {
      graph.createEvent(cal, event("E" + i, soon(3, "1" + i + ":00:00"), soon(3, "1" + i + ":30:00"), "UTC"));
    }
    ChangeSet first = changes(null);
    assertThat(upserts(first)).hasSize(5);
    assertThat(first.changes()).hasSize(5);
    String id = upserts(first).keySet().iterator().next();
    JsonObject updated = graph.updateEvent(id, new JsonObject().put("subject", "moved")
        .put("start", new JsonObject().put("dateTime", soon(4, "08:00:00")).put("timeZone", "UTC"))
        .put("end", new JsonObject().put("dateTime", soon(4, "09:00:00")).put("timeZone", "UTC")));

    ChangeSet second = changes(first.nextToken());

    assertThat(second.full()).isFalse();
    assertThat(second.changes().stream().map(ExternalChange::eventId)).doesNotHaveDuplicates();
    assertThat(upserts(second).get(id).etag()).isEqualTo(updated.getString("changeKey"));
    assertThat(upserts(second).get(id).time().start().toString()).isEqualTo(soon(4, "08:00:00Z"));
  }

  @Test
  @DisplayName("an event reported @removed because it left the window is kept (GET confirms it); a deleted one is removed")
  void leftTheWindowIsNotDeleted() {
    graph.deltaKnobs(false, false, true, 10);
    String moving = graph.createEvent(cal, event("Trip", soon(2, "10:00:00"), soon(2, "11:00:00"), "UTC"))
        .getString("id");
    String doomed = graph.createEvent(cal, event("Gone", soon(2, "12:00:00"), soon(2, "13:00:00"), "UTC"))
        .getString("id");
    ChangeSet first = changes(null);
    graph.updateEvent(moving, new JsonObject()
        .put("start", new JsonObject().put("dateTime", soon(400, "10:00:00")).put("timeZone", "UTC"))
        .put("end", new JsonObject().put("dateTime", soon(400, "11:00:00")).put("timeZone", "UTC")));
    graph.deleteEvent(doomed);

    ChangeSet second = changes(first.nextToken());

    assertThat(removals(second)).containsExactly(doomed);
    assertThat(upserts(second).get(moving).time().start().toString()).isEqualTo(soon(400, "10:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"410Location", "syncStateNotFound", "resyncRequired"})
  @DisplayName("a delta link Graph no longer accepts fails with SyncTokenExpired; a full read works again")
  void expiredDeltaToken(String mode) {
    graph.createEvent(cal, event("A", soon(1, "10:00:00"), soon(1, "11:00:00"), "UTC"));
    ChangeSet first = changes(null);
    graph.invalidateDelta(mode);

    assertThatThrownBy(() -> changes(first.nextToken())).isInstanceOf(ConnectorException.SyncTokenExpired.class);
    ChangeSet again = changes(null);
    assertThat(again.full()).isTrue();
    assertThat(upserts(again)).hasSize(1);
  }

  @Test
  @DisplayName("showAs free, tentative, busy and oof arrive as the policy's ShowAs values; cancelled occurrences are removals")
  void showAsAndCancelledOccurrences() {
    for (String showAs : List.of("free", "tentative", "busy", "oof")) {
      graph.createEvent(cal, event(showAs, soon(5, "10:00:00"), soon(5, "11:00:00"), "UTC").put("showAs", showAs));
    }
    Map<String, ShowAs> seen = upserts(changes(null)).values().stream()
        .collect(Collectors.toMap(e -> e.eventId(), ExternalEvent::showAs));
    assertThat(seen.values()).containsExactlyInAnyOrder(ShowAs.FREE, ShowAs.TENTATIVE, ShowAs.BUSY,
        ShowAs.OUT_OF_OFFICE);
  }

  @Test
  @DisplayName("outbound create is idempotent by transactionId and comes back in delta with the changeKey we hold")
  void outboundCreateIsRecognised() {
    Instant start = graph.clock().instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
    OutboundEvent booking = new OutboundEvent("bk-1", "dovetail-bk-1", "Haircut", "Booked through Dovetail",
        new TimeRange(start, start.plus(Duration.ofMinutes(45))), ZoneId.of("Europe/Berlin"));

    WrittenEvent first = connector.create(grant, cal, booking).await();
    WrittenEvent retried = connector.create(grant, cal, booking).await();

    assertThat(retried.eventId()).isEqualTo(first.eventId());
    assertThat(graph.eventCount()).isEqualTo(1);
    assertThat(graph.event(first.eventId()).getJsonArray("singleValueExtendedProperties").getJsonObject(0)
        .getString("value")).isEqualTo("bk-1");
    ExternalEvent back = upserts(changes(null)).get(first.eventId());
    assertThat(back.etag()).isEqualTo(first.etag());
    assertThat(back.time()).isEqualTo(booking.time());
    assertThat(graph.requests().stream().filter(r -> r.path().contains("delta")).map(r -> r.query()))
        .noneMatch(q -> q != null && q.contains("expand"));
  }

  @Test
  @DisplayName("update with a stale changeKey is EtagMismatch; delete of an event that is gone succeeds")
  void staleUpdateAndIdempotentDelete() {
    Instant start = graph.clock().instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
    OutboundEvent booking = new OutboundEvent("bk-2", "dovetail-bk-2", "Massage", "x",
        new TimeRange(start, start.plus(Duration.ofHours(1))), ZoneId.of("UTC"));
    WrittenEvent written = connector.create(grant, cal, booking).await();
    graph.updateEvent(written.eventId(), new JsonObject().put("subject", "edited in Outlook"));

    assertThatThrownBy(() -> connector.update(grant, cal, written.eventId(), written.etag(), booking).await())
        .isInstanceOf(ConnectorException.EtagMismatch.class);
    WrittenEvent current = connector.find(grant, cal, written.eventId()).await().orElseThrow();
    connector.update(grant, cal, written.eventId(), current.etag(), booking).await();
    connector.delete(grant, cal, written.eventId(), null).await();
    connector.delete(grant, cal, written.eventId(), null).await();
    assertThat(connector.find(grant, cal, written.eventId()).await()).isEmpty();
  }

  @Test
  @DisplayName("moving an occurrence across its neighbour is Rejected (ErrorOccurrenceCrossingBoundary)")
  void occurrenceCrossingBoundary() {
    graph.createEvent(cal, event("Weekly", soon(7, "09:00:00"), soon(7, "10:00:00"), "UTC")
        .put("recurrence", new JsonObject()
            .put("pattern", new JsonObject().put("type", "daily").put("interval", 2))
            .put("range", new JsonObject().put("type", "numbered").put("numberOfOccurrences", 3)
                .put("startDate", soon(7, "").substring(0, 10)))));
    ExternalEvent firstOccurrence = upserts(changes(null)).values().stream()
        .min((a, b) -> a.time().start().compareTo(b.time().start())).orElseThrow();
    Instant later = firstOccurrence.time().start().plus(Duration.ofDays(3));
    OutboundEvent moved = new OutboundEvent("x", "x", "Weekly", "x",
        new TimeRange(later, later.plus(Duration.ofHours(1))), ZoneId.of("UTC"));

    assertThatThrownBy(() -> connector.update(grant, cal, firstOccurrence.eventId(), null, moved).await())
        .isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("ErrorOccurrenceCrossingBoundary");
  }

  @Test
  @DisplayName("429 with Retry-After is waited out by the SDK; still throttled afterwards is RateLimited with the wait")
  void throttling() {
    graph.fault("GET", "calendarView/delta", 429, "activityLimitReached", 1, 2);
    graph.clearRequests();

    assertThat(changes(null).full()).isTrue();
    List<Instant> tries = graph.requests().stream().filter(r -> r.path().contains("delta")).map(r -> r.at())
        .toList();
    assertThat(tries).hasSize(3);
    assertThat(Duration.between(tries.get(0), tries.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(Duration.between(tries.get(1), tries.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(950));

    graph.fault("GET", "calendarView$", 429, "activityLimitReached", 1, 10);
    GraphCalendarConnector patient = connector(patient(graph.graphBase()));
    assertThatThrownBy(() -> patient.busy(grant, List.of(cal),
        new TimeRange(graph.clock().instant(), graph.clock().instant().plus(Duration.ofHours(1)))).await())
        .isInstanceOfSatisfying(ConnectorException.RateLimited.class,
            e -> assertThat(e.retryAfterMillis()).isEqualTo(1000));
  }

  @Test
  @DisplayName("a revoked grant fails every call with AuthorizationRevoked")
  void revokedGrant() {
    graph.revokeGrant();
    connector.forget(grant.connectionId());

    assertThatThrownBy(() -> changes(null)).isInstanceOf(ConnectorException.AuthorizationRevoked.class);
  }

  @Test
  @DisplayName("Live check: calendarView in UTC returns busy, tentative and oof time clipped to the window, not free time")
  void liveBusy() {
    graph.createEvent(cal, event("busy", soon(1, "09:00:00"), soon(1, "10:00:00"), "W. Europe Standard Time"));
    graph.createEvent(cal, event("free", soon(1, "11:00:00"), soon(1, "12:00:00"), "UTC").put("showAs", "free"));
    graph.createEvent(cal, event("tentative", soon(1, "13:00:00"), soon(1, "15:00:00"), "UTC")
        .put("showAs", "tentative"));
    Instant from = Instant.parse(soon(1, "00:00:00Z"));

    List<TimeRange> busy = connector.busy(grant, List.of(cal), new TimeRange(from, Instant.parse(soon(1, "14:00:00Z"))))
        .await();

    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant nineBerlin = java.time.LocalDateTime.parse(soon(1, "09:00:00")).atZone(berlin).toInstant();
    assertThat(busy).containsExactly(new TimeRange(nineBerlin, nineBerlin.plus(Duration.ofHours(1))),
        new TimeRange(Instant.parse(soon(1, "13:00:00Z")), Instant.parse(soon(1, "14:00:00Z"))));
  }

  @Test
  @DisplayName("The account's calendars list with the primary one marked")
  void listsCalendars() {
    String other = graph.createCalendar("Family");
    var calendars = connector.calendars(grant).await();
    assertThat(calendars).extracting(c -> c.id()).contains(cal, other);
    assertThat(calendars.stream().filter(c -> c.primary()).map(c -> c.id())).containsExactly(cal);
  }

  @Test
  @DisplayName("Connect flow: the consent URL redirects with a code; the exchange yields the account and a refresh token")
  void connectFlow() throws Exception {
    MicrosoftOAuthClient oauth = new MicrosoftOAuthClient(vertx, identity, graph.graphBase());
    String redirect = "http://127.0.0.1:1/connect/outlook/callback";
    String url = oauth.authorizationUrl("state-42", redirect);
    assertThat(url).contains("offline_access").contains("Calendars.ReadWrite").contains("state=state-42");
    String location = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow();
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");

    var granted = oauth.exchange(code, redirect).await();

    assertThat(granted.account()).isEqualTo(GraphEmulator.USER_UPN);
    assertThat(granted.refreshToken()).isNotBlank();
    assertThatThrownBy(() -> oauth.exchange(code, redirect).await())
        .isInstanceOf(ConnectorException.AuthorizationRevoked.class);
  }

  @Test
  @DisplayName("an access token the service stops accepting before its expiry is refreshed once, the call goes on")
  void expiredAccessTokenIsRefreshed() {
    graph.createEvent(cal, event("A", soon(1, "10:00:00"), soon(1, "11:00:00"), "UTC"));
    changes(null);
    graph.clock().advance(Duration.ofHours(2));

    assertThat(upserts(changes(null))).hasSize(1);
    assertThat(graph.requests().stream().filter(r -> r.path().endsWith("/token"))).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName("Live check: calendarView that does not answer within the short timeout fails as Unavailable (policy decides)")
  void liveCheckTimesOut() {
    graph.fault("GET", "calendarView$", 503, "serviceNotAvailable", 2, 1);
    GraphCalendarConnector hasty = connector(patient(graph.graphBase()).withLiveTimeout(Duration.ofMillis(500)));

    assertThatThrownBy(() -> hasty.busy(grant, List.of(cal),
        new TimeRange(graph.clock().instant(), graph.clock().instant().plus(Duration.ofHours(1)))).await())
        .isInstanceOf(ConnectorException.Unavailable.class);
  }

  @Test
  @DisplayName("503 with Retry-After is waited out too")
  void serviceUnavailableWithRetryAfter() {
    graph.fault("GET", "calendarView/delta", 503, "serviceNotAvailable", 1, 1);
    graph.clearRequests();

    assertThat(changes(null).full()).isTrue();
    List<Instant> tries = graph.requests().stream().filter(r -> r.path().contains("delta")).map(r -> r.at())
        .toList();
    assertThat(tries).hasSize(2);
    assertThat(Duration.between(tries.get(0), tries.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  @DisplayName("An all-day event arrives as dates (blocked midnight to midnight in the resource's zone), not as UTC instants")
  void allDayEvent() {
    String day = soon(10, "").substring(0, 10);
    String next = soon(11, "").substring(0, 10);
    String id = graph.createEvent(cal, event("Holiday", day + "T00:00:00", next + "T00:00:00",
        "W. Europe Standard Time").put("isAllDay", true)).getString("id");

    ExternalEvent holiday = upserts(changes(null)).get(id);

    assertThat(holiday.allDay()).isTrue();
    assertThat(holiday.allDayStart().toString()).isEqualTo(day);
    assertThat(holiday.allDayEnd().toString()).isEqualTo(next);
    assertThat(holiday.span(ZoneId.of("Europe/Berlin")).start())
        .isEqualTo(java.time.LocalDate.parse(day).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant());
  }

  @Test
  @DisplayName("an event from a legacy custom zone (tzone://Microsoft/Custom) still gives exact instants in the live check")
  void customZones() {
    String id = graph.createEvent(cal, event("Legacy", soon(6, "08:30:00"), soon(6, "09:30:00"), "UTC")
        .put("originalStartTimeZone", "tzone://Microsoft/Custom")).getString("id");
    graph.workingHoursZone(null, true);

    ExternalEvent legacy = upserts(changes(null)).get(id);
    List<TimeRange> busy = connector.busy(grant, List.of(cal), new TimeRange(Instant.parse(soon(6, "00:00:00Z")),
        Instant.parse(soon(7, "00:00:00Z")))).await();

    assertThat(graph.event(id).getString("originalStartTimeZone")).isEqualTo("tzone://Microsoft/Custom");
    assertThat(legacy.time()).isEqualTo(new TimeRange(Instant.parse(soon(6, "08:30:00Z")),
        Instant.parse(soon(6, "09:30:00Z"))));
    assertThat(busy).containsExactly(legacy.time());
  }
}
