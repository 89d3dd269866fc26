package dev.dovetail.sync.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalChange;
import dev.dovetail.sync.domain.ExternalEvent;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.OutboundIds;
import dev.dovetail.sync.domain.ShowAs;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.google.emulator.EmulatorExternalSide;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sync pitfalls that concern the Google client and its mapping, through the real client against the emulator: the
 * 410 that asks for a full resync, the parameters an incremental read may send, short and empty pages, recurring
 * series (cancelled and moved instances, the shared iCalUID, DST), deleted events with minimal fields, PUT and the
 * booking tag, rate limits, revoked and narrow grants, push channels (https only, lifetime), all-day and transparent
 * events. An expired sync token, deleting what is gone and a stale etag are in the connector contract; pushes, echoes
 * and spoofing in the sync engine, scheduler and hub tests. docs/connectors.md maps each pitfall to its tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GooglePitfallsIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /**
   * The emulator's and the tests' one instant, on the eve of Berlin's spring DST change late in the evening: the
   * connector reads no clock, so every instant below is relative to this one and the tests hold at any wall-clock time.
   */
  private static final Instant NOW = Instant.parse("2027-03-27T22:30:00Z");
  private final GoogleFixture google = new GoogleFixture(Clock.fixed(NOW, ZoneOffset.UTC));
  private Grant grant;
  private String cal;

  @BeforeEach
  void freshCalendar() {
    grant = google.newGrant();
    cal = google.newCalendar();
  }

  @AfterAll
  void close() {
    google.close();
  }

  @Test
  @DisplayName("revoking at disconnect withdraws the grant at Google; revoking a grant already gone is fine")
  void revokeWithdrawsTheGrant() {
    assertThat(changes(null).full()).isTrue();
    int before = google.emulator.revokedGrants();

    google.connector.revoke(grant).await();

    assertThat(google.emulator.revokedGrants()).isEqualTo(before + 1);
    assertThatThrownBy(() -> changes(null)).isInstanceOf(ConnectorException.AuthorizationRevoked.class);
    google.connector.revoke(grant).await();
  }

  @Test
  @DisplayName("Google refuses a push channel to an http:// address (push.webhookUrlNotHttps); nothing is opened")
  void watchRefusesAnHttpAddress() {
    Instant wanted = NOW.plus(Duration.ofDays(7));
    assertThatThrownBy(() -> google.connector.watch(grant, cal, Ids.random(), "s", "http://127.0.0.1:9/hooks/google",
        wanted).await()).isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("webhookUrlNotHttps");
    assertThat(google.emulator.liveChannels(cal)).isZero();
  }

  @Test
  @DisplayName("a channel asked for beyond the default ttl (604,800 s) expires at the ttl, as Google answers")
  void channelLifetimeIsTheMostRestrictive() {
    var channel = google.connector.watch(grant, cal, Ids.random(), "s", "https://127.0.0.1:9/hooks/google",
        NOW.plus(Duration.ofDays(30))).await();
    assertThat(channel.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(google.emulator.liveChannels(cal)).isEqualTo(1);
    google.connector.stop(grant, channel).await();
  }

  @Test
  @DisplayName("the consent asks for calendar.events + calendar.readonly, and that grant covers every call made")
  void narrowScopesSufficeForEveryCall() {
    String url = new GoogleOAuthClient(google.vertx, google.settings, google.connector)
        .authorizationUrl("st", "https://hub.example/cb");
    String asked = java.net.URLDecoder.decode(url.replaceAll(".*[?&]scope=([^&]*).*", "$1"),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(java.util.Set.of(asked.split(" "))).containsExactlyInAnyOrder(
        "https://www.googleapis.com/auth/calendar.events", "https://www.googleapis.com/auth/calendar.readonly");

    Grant narrow = new Grant("google-narrow", GoogleFixture.OWNER, google.emulator.issueRefreshToken(
        GoogleFixture.OWNER, java.util.Set.of(asked.split(" "))));
    assertThat(google.connector.calendars(narrow).await()).isNotEmpty();
    assertThat(google.connector.changes(narrow, cal, null).await().full()).isTrue();
    Instant start = NOW.plus(Duration.ofDays(3));
    String bookingId = Ids.random();
    WrittenEvent written = google.connector.create(narrow, cal, new OutboundEvent(bookingId,
        OutboundIds.proposedId(narrow.connectionId(), bookingId), "Booking: Ada", "",
        TimeRange.of(start, Duration.ofMinutes(30)), ZoneId.of("UTC"))).await();
    google.connector.delete(narrow, cal, written.eventId(), written.etag()).await();
    assertThat(google.connector.busy(narrow, List.of(cal), TimeRange.of(start, Duration.ofHours(1))).await())
        .isEmpty();
    var channel = google.connector.watch(narrow, cal, Ids.random(), "s", "https://127.0.0.1:9/hooks/google",
        NOW.plus(Duration.ofDays(1))).await();
    google.connector.stop(narrow, channel).await();

    Grant eventsOnly = new Grant("google-events", GoogleFixture.OWNER, google.emulator.issueRefreshToken(
        GoogleFixture.OWNER, java.util.Set.of("https://www.googleapis.com/auth/calendar.events")));
    assertThatThrownBy(() -> google.connector.calendars(eventsOnly).await())
        .as("the emulator enforces scopes: calendar.events alone cannot list calendars")
        .hasMessageContaining("insufficientPermissions");
  }

  private ChangeSet changes(String token) {
    return google.connector.changes(grant, cal, token).await();
  }

  private static Map<String, ExternalEvent> upserts(ChangeSet set) {
    return set.changes().stream().filter(c -> c instanceof ExternalChange.Upserted)
        .map(c -> ((ExternalChange.Upserted) c).event())
        .collect(Collectors.toMap(e -> e.eventId() + "/" + e.instanceKey(), e -> e, (a, b) -> b));
  }

  private static Instant berlin(LocalDateTime t) {
    return t.atZone(BERLIN).toInstant();
  }

  private static JsonObject weeklySeries(LocalDateTime firstStart, int count) {
    return new JsonObject().put("summary", "Yoga")
        .put("start", new JsonObject().put("dateTime", firstStart.toString()).put("timeZone", "Europe/Berlin"))
        .put("end", new JsonObject().put("dateTime", firstStart.plusHours(1).toString())
            .put("timeZone", "Europe/Berlin"))
        .put("recurrence", new JsonArray().add("RRULE:FREQ=WEEKLY;COUNT=" + count));
  }

  private String future(int days) {
    return LocalDate.ofInstant(NOW, BERLIN).plusDays(days).toString();
  }

  @Test
  @DisplayName("short and empty pages are followed to the end; the token comes only from the last page")
  void randomPagesAreFollowed() {
    for (int i = 0; i < 30; i++) {
      google.emulator.userInsert(cal, EmulatorExternalSide.timed(
          TimeRange.of(NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(i)), Duration.ofMinutes(30)),
          true));
    }
    google.emulator.randomPages(true);
    try {
      ChangeSet full = changes(null);
      assertThat(upserts(full)).hasSize(30);
      long pages = google.emulator.requests().stream().filter(r -> r.query() != null
          && r.query().contains("pageToken=")).count();
      assertThat(pages).as("several pages were read").isPositive();
      assertThat(changes(full.nextToken()).changes()).isEmpty();
    } finally {
      google.emulator.randomPages(false);
    }
  }

  @Test
  @DisplayName("incremental reads send the same parameters plus the token, never time bounds or filters")
  void incrementalReadsSendNoForbiddenParameters() {
    String token = changes(null).nextToken();
    changes(token);

    List<String> queries = google.emulator.requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().endsWith("/events") && r.query() != null
            && r.query().contains("syncToken="))
        .map(GoogleCalendarEmulator.RecordedRequest::query).toList();
    assertThat(queries).isNotEmpty().allSatisfy(q -> assertThat(q)
        .doesNotContain("timeMin", "timeMax", "updatedMin", "orderBy", "q=", "ExtendedProperty", "iCalUID")
        .contains("singleEvents=true", "showDeleted=true"));
  }

  @Test
  @DisplayName("410 updatedMinTooLongAgo is a full resync, like fullSyncRequired")
  void updatedMinTooLongAgoIsAFullResync() {
    String token = changes(null).nextToken();
    google.emulator.fault("GET", ".*/events", 410, "updatedMinTooLongAgo", 0, 1);

    assertThatThrownBy(() -> changes(token)).isInstanceOf(ConnectorException.SyncTokenExpired.class);
  }

  @Test
  @DisplayName("a weekly series expands in its own zone across DST; cancelled and moved instances map by original start")
  void recurringSeriesWithCancelledAndMovedInstances() {
    LocalDate monday = LocalDate.parse(future(3));
    LocalDateTime first = monday.atTime(10, 0);
    String master = google.emulator.userInsert(cal, weeklySeries(first, 6));
    ChangeSet full = changes(null);
    Map<String, ExternalEvent> instances = upserts(full);
    assertThat(instances).hasSize(6);
    for (int week = 0; week < 6; week++) {
      Instant start = berlin(first.plusWeeks(week));
      assertThat(instances.values()).as("week " + week + " at 10:00 Berlin").anySatisfy(e -> {
        assertThat(e.eventId()).isEqualTo(master);
        assertThat(e.time()).isEqualTo(TimeRange.of(start, Duration.ofHours(1)));
      });
    }

    String second = master + "_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .format(berlin(first.plusWeeks(1)).atZone(java.time.ZoneOffset.UTC));
    String third = master + "_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .format(berlin(first.plusWeeks(2)).atZone(java.time.ZoneOffset.UTC));
    google.emulator.userDelete(cal, second);
    google.emulator.userUpdate(cal, third, weeklySeries(first.plusWeeks(2).plusHours(3), 1).copy()
        .put("recurrence", new JsonArray()));
    ChangeSet next = changes(full.nextToken());

    String secondKey = berlin(first.plusWeeks(1)).toString();
    String thirdKey = berlin(first.plusWeeks(2)).toString();
    assertThat(next.changes()).anySatisfy(c -> {
      assertThat(c).isInstanceOf(ExternalChange.Removed.class);
      assertThat(c.eventId()).isEqualTo(master);
      assertThat(((ExternalChange.Removed) c).instanceKey()).isEqualTo(secondKey);
    });
    assertThat(upserts(next).get(master + "/" + thirdKey).time())
        .isEqualTo(TimeRange.of(berlin(first.plusWeeks(2).plusHours(3)), Duration.ofHours(1)));
    // The instances share the series' iCalUID, so the hub keys them by event id and original start instead.
    assertThat(google.emulator.userView(cal).values().stream().map(e -> e.getString("iCalUID")).distinct())
        .hasSize(1);
  }

  @Test
  @DisplayName("a deleted series arrives as minimal cancelled instances; a deleted single event as a bare id")
  void deletedEventsArriveWithMinimalFields() {
    String single = google.emulator.userInsert(cal, EmulatorExternalSide.timed(
        TimeRange.of(NOW.plus(Duration.ofDays(2)), Duration.ofHours(1)), true));
    String master = google.emulator.userInsert(cal, weeklySeries(LocalDate.parse(future(4)).atTime(9, 0), 3));
    String token = changes(null).nextToken();

    google.emulator.userDelete(cal, single);
    google.emulator.userDelete(cal, master);
    ChangeSet next = changes(token);

    assertThat(next.changes()).allSatisfy(c -> assertThat(c).isInstanceOf(ExternalChange.Removed.class));
    assertThat(next.changes()).anySatisfy(c -> {
      assertThat(c.eventId()).isEqualTo(single);
      assertThat(((ExternalChange.Removed) c).instanceKey()).isNull();
    });
    assertThat(next.changes().stream().filter(c -> c.eventId().equals(master))).hasSize(3);
  }

  @Test
  @DisplayName("all-day events carry dates; transparent events are FREE")
  void allDayAndTransparentEvents() {
    String day = future(5);
    google.emulator.userInsert(cal, new JsonObject().put("summary", "Holiday")
        .put("start", new JsonObject().put("date", day))
        .put("end", new JsonObject().put("date", LocalDate.parse(day).plusDays(1).toString())));
    String free = google.emulator.userInsert(cal, EmulatorExternalSide.timed(
        TimeRange.of(NOW.plus(Duration.ofDays(2)), Duration.ofHours(1)), false));

    Map<String, ExternalEvent> events = upserts(changes(null));

    assertThat(events.values()).anySatisfy(e -> {
      assertThat(e.allDay()).isTrue();
      assertThat(e.allDayStart()).isEqualTo(LocalDate.parse(day));
      assertThat(e.span(BERLIN)).isEqualTo(new TimeRange(LocalDate.parse(day).atStartOfDay(BERLIN).toInstant(),
          LocalDate.parse(day).plusDays(1).atStartOfDay(BERLIN).toInstant()));
    });
    assertThat(events.get(free + "/").showAs()).isEqualTo(ShowAs.FREE);
  }

  @Test
  @DisplayName("the hub writes every field it owns with PUT and If-Match; the booking tag survives an update")
  void updatesKeepTheBookingTag() {
    String bookingId = Ids.random();
    OutboundEvent event = new OutboundEvent(bookingId, OutboundIds.proposedId(grant.connectionId(), bookingId),
        "Booking: Ada", "Booked", TimeRange.of(NOW.plus(Duration.ofDays(1)), Duration.ofHours(1)), BERLIN);
    WrittenEvent created = google.connector.create(grant, cal, event).await();
    WrittenEvent updated = google.connector.update(grant, cal, created.eventId(), created.etag(),
        new OutboundEvent(bookingId, event.proposedId(), "Booking: Ada", "Moved", TimeRange.of(
            NOW.plus(Duration.ofDays(2)), Duration.ofHours(1)), BERLIN)).await();

    JsonObject stored = google.emulator.storedEvents(cal).get(updated.eventId());
    assertThat(stored.getJsonObject("extendedProperties").getJsonObject("private").getString("dovetailBooking"))
        .isEqualTo(bookingId);
    assertThat(google.emulator.requests()).anySatisfy(r -> {
      assertThat(r.method()).isEqualTo("PUT");
      assertThat(r.ifMatch()).isEqualTo(created.etag());
    });
  }

  @Test
  @DisplayName("403 rateLimitExceeded and 429 are RateLimited (backoff), 403 quota and 500 are not misread")
  void rateLimitsAreRecognised() {
    google.emulator.fault("GET", ".*/events", 403, "rateLimitExceeded", 0, 1);
    assertThatThrownBy(() -> changes(null)).isInstanceOf(ConnectorException.RateLimited.class);
    google.emulator.fault("GET", ".*/events", 429, "rateLimitExceeded", 3, 1);
    assertThatThrownBy(() -> changes(null)).isInstanceOfSatisfying(ConnectorException.RateLimited.class,
        e -> assertThat(e.retryAfterMillis()).isEqualTo(3000));
    google.emulator.fault("GET", ".*/events", 500, "backendError", 0, 1);
    assertThatThrownBy(() -> changes(null)).isInstanceOf(ConnectorException.Unavailable.class);
    google.emulator.fault("GET", ".*/events", 403, "forbiddenForNonOrganizer", 0, 1);
    assertThatThrownBy(() -> changes(null)).isInstanceOf(ConnectorException.Rejected.class);
    assertThat(changes(null).full()).isTrue();
  }

  @Test
  @DisplayName("a revoked grant is AuthorizationRevoked, even while an access token was cached")
  void revokedGrantIsRecognised() {
    changes(null);
    google.emulator.revoke(GoogleFixture.OWNER);

    assertThatThrownBy(() -> changes(null)).isInstanceOf(ConnectorException.AuthorizationRevoked.class);
    assertThatThrownBy(() -> google.connector.busy(grant, List.of(cal), new TimeRange(NOW,
        NOW.plusSeconds(3600))).await()).isInstanceOf(ConnectorException.AuthorizationRevoked.class);
  }

  @Test
  @DisplayName("access tokens expire and are refreshed by the library without the caller noticing")
  void accessTokensAreRefreshed() {
    google.emulator.accessTokenLifetime(Duration.ofSeconds(1));
    try {
      changes(null);
      long refreshesBefore = google.emulator.requests().size();
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(1200).toNanos());
      assertThat(changes(null).full()).isTrue();
      assertThat(google.emulator.requests().size()).isGreaterThan((int) refreshesBefore);
    } finally {
      google.emulator.accessTokenLifetime(Duration.ofSeconds(60));
    }
  }
}
