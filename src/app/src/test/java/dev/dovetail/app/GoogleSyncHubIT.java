package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.google.emulator.EmulatorExternalSide;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import dev.dovetail.sync.google.emulator.NotifyPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real hub synced with the Google emulator, end to end over HTTP: the demo provider connects Google through the
 * OAuth redirects, chooses the primary calendar to block the demo room and receive bookings; an event created in
 * Google blocks the slot through push, and through reconciliation when every push is dropped; a booking appears in
 * Google and its cancellation removes it; a revoked grant breaks the connection. The push latency benchmark (100
 * changes, p50/p95) runs with {@code -Dbench.sync=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("A hub syncs with Google Calendar (emulated) both ways")
class GoogleSyncHubIT {

  static final String OWNER = "demo-owner@example.com";
  /** Long enough that a change blocked within it was carried by push, short enough for the dropped-push test. */
  static final Duration RECONCILE = Duration.ofSeconds(8);

  private static final String METRICS_TOKEN = "google-sync-metrics-token-0123456789";
  private static final MovableClock CLOCK = new MovableClock();
  private static final Vertx EMULATOR_VERTX = Vertx.vertx();
  /** Started before the hub, whose config names its address. */
  private static final GoogleCalendarEmulator GOOGLE = GoogleCalendarEmulator.start(EMULATOR_VERTX, CLOCK, 7).await();

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().clock(CLOCK).google(GOOGLE)
      .config(c -> c.withSync(AppConfig.Sync.defaults().withTimings(RECONCILE, true).withPushOverHttp()))
      .ops(new OpsConfig(null, METRICS_TOKEN, "node-google", OpsConfig.DEFAULT_FIGURES_EVERY,
          OpsConfig.DEFAULT_SHUTDOWN_GRACE, Duration.ZERO))
      .build();

  private Hub hub;
  private Vertx clientVertx;
  private WebClient client;
  private String cookie;
  private String csrf;

  @BeforeAll
  void startHubAndConnectGoogle() {
    GOOGLE.allowHttpAddresses(); // the hub here is a plain loopback server; Google itself pushes to HTTPS only
    GOOGLE.addUser(OWNER);
    hub = HUB.hub();
    clientVertx = HUB.clientVertx();
    client = HUB.client();
    login();
    connectGoogle();
  }

  @AfterAll
  void stop() {
    EMULATOR_VERTX.close().await();
  }

  private void login() {
    DemoSession session = DemoSession.login(client, hub.httpPort());
    cookie = session.cookie();
    csrf = session.csrf();
  }

  /** The browser's round trip: hub → Google consent → hub callback; then the provider's choice. */
  private void connectGoogle() {
    GOOGLE.consentAs(OWNER);
    HttpResponse<Buffer> start = client.get(hub.httpPort(), "127.0.0.1",
        "/api/v1/calendar-connections/google/connect").followRedirects(false).putHeader("Cookie", cookie).send()
        .await();
    assertThat(start.statusCode()).as(start.bodyAsString()).isEqualTo(302);
    String consent = start.getHeader("Location");
    assertThat(consent).startsWith(GOOGLE.oauthBase() + "/auth?").contains("access_type=offline").contains("state=");
    HttpResponse<Buffer> granted = client.getAbs(consent).followRedirects(false).send().await();
    assertThat(granted.statusCode()).isEqualTo(302);
    String callback = granted.getHeader("Location");
    assertThat(callback).startsWith("http://127.0.0.1:" + hub.httpPort() + "/api/v1/calendar-connections/google/callback");

    HttpResponse<Buffer> forged = client.getAbs(callback.replaceAll("state=[^&]+", "state=forged"))
        .followRedirects(false).putHeader("Cookie", cookie).send().await();
    assertThat(forged.statusCode()).isEqualTo(400);
    HttpResponse<Buffer> done = client.getAbs(callback).followRedirects(false)
        .putHeader("Cookie", DemoSession.nonceCookie(start)).send().await();
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);

    JsonObject calendars = api("GET", "/api/v1/calendar-connections/google/calendars", null);
    assertThat(calendars.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(OWNER);
    JsonObject chosen = api("PUT", "/api/v1/calendar-connections/google", new JsonObject()
        .put("blocking", new JsonArray().add(new JsonObject().put("calendarId", OWNER)
            .put("resourceIds", new JsonArray().add("demo-room"))))
        .put("targetCalendarId", OWNER).put("whenUnreachable", "ACCEPT_LAST_SYNCED"));
    assertThat(chosen.getString("state")).isEqualTo("CONNECTED");
    assertThat(choose(new JsonObject().put("blocking", new JsonArray().add(new JsonObject()
        .put("calendarId", OWNER).put("resourceIds", new JsonArray().add("someone-elses-room"))))).statusCode())
        .as("a resource of another provider").isEqualTo(400);
    assertThat(choose(new JsonObject().put("blocking", new JsonArray().add(new JsonObject()
        .put("calendarId", "not-mine@example.com").put("resourceIds", new JsonArray().add("demo-room"))))).statusCode())
        .as("a calendar of another account").isEqualTo(400);
    assertThat(choose(new JsonObject().put("blocking", "nonsense")).statusCode()).isEqualTo(400);
    waitUntil(() -> GOOGLE.liveChannels(OWNER) > 0, Duration.ofSeconds(10), "a push channel is open");
  }

  private HttpResponse<Buffer> choose(JsonObject body) {
    return client.put(hub.httpPort(), "127.0.0.1", "/api/v1/calendar-connections/google")
        .putHeader("Cookie", cookie).putHeader("X-CSRF-Token", csrf).sendJsonObject(body).await();
  }

  private JsonObject api(String method, String path, JsonObject body) {
    var request = client.request(io.vertx.core.http.HttpMethod.valueOf(method), hub.httpPort(), "127.0.0.1", path)
        .putHeader("Cookie", cookie).putHeader("X-CSRF-Token", csrf);
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendJsonObject(body)).await();
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.bodyAsString()).isBetween(200, 299);
    return response.body() == null ? new JsonObject() : response.bodyAsJsonObject();
  }

  private List<String> freeStarts() {
    return HUB.freeStarts("demo-30");
  }

  /** Polls every 50 ms on this thread (the hub runs on its own event loops) until true or the deadline. */
  private static Duration waitUntil(BooleanSupplier condition, Duration deadline, String what) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > deadline.toNanos()) {
        throw new AssertionError("not within " + deadline + ": " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Creates a Google event over a free slot and returns how long until the hub stopped offering it. */
  private Duration eventBlocksSlot(int slotIndex, Duration deadline) {
    List<String> free = freeStarts();
    String start = free.get(slotIndex);
    Instant at = Instant.parse(start);
    GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(TimeRange.of(at, Duration.ofMinutes(30)), true));
    return waitUntil(() -> !freeStarts().contains(start), deadline, "the slot " + start + " is blocked");
  }

  @Test
  @Order(1)
  @DisplayName("an event created in Google blocks the slot through push, before any reconciliation is due")
  void pushBlocksTheSlot() {
    GOOGLE.notifyPolicy(NotifyPolicy.PROMPT);
    Duration took = eventBlocksSlot(0, RECONCILE.minusSeconds(2));
    System.out.println("push: slot blocked after " + took.toMillis() + " ms");
    // The operator sees it: the change's lag, from Google's modification time to the block, is in the histogram.
    waitUntil(() -> syncLagSamples() >= 1, Duration.ofSeconds(30), "the sync lag is recorded");
  }

  private double syncLagSamples() {
    String text = client.get(hub.httpPort(), "127.0.0.1", "/metrics").bearerTokenAuthentication(METRICS_TOKEN)
        .send().await().bodyAsString();
    return MetricsHubIT.parse(text).getOrDefault(
        "dovetail_calendar_sync_lag_seconds_count{node=\"node-google\",service=\"google\"}", 0.0);
  }

  @Test
  @Order(2)
  @DisplayName("with every push dropped, the event still blocks the slot through the periodic reconciliation")
  void reconciliationBlocksWhenPushesAreLost() {
    GOOGLE.notifyPolicy(NotifyPolicy.dropAll());
    pause(Duration.ofSeconds(2)); // the previous test's follow-up sync is over: only reconciliation is left
    try {
      Duration took = eventBlocksSlot(1, RECONCILE.plusSeconds(5));
      System.out.println("reconciliation: slot blocked after " + took.toMillis() + " ms");
    } finally {
      GOOGLE.notifyPolicy(NotifyPolicy.PROMPT);
    }
  }

  @Test
  @Order(3)
  @DisplayName("a booking appears in Google at its time (not as busy time), and its cancellation removes it")
  void bookingIsMirroredAndItsCancellationRemovesIt() {
    String start = freeStarts().get(2);
    HttpResponse<Buffer> booked = HubFixture.book(client, hub.httpPort(), "demo-30", start, "mirror@example.com")
        .await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String token = booked.bodyAsJsonObject().getString("manageToken");
    Instant at = Instant.parse(start);

    waitUntil(() -> GOOGLE.userView(OWNER).values().stream().anyMatch(e -> e.getString("summary", "")
        .contains("mirror@example.com") && e.getJsonObject("start").getString("dateTime") != null
        && Instant.parse(e.getJsonObject("start").getString("dateTime")).equals(at)), Duration.ofSeconds(10),
        "the booking's event is in Google");
    // It comes back on the next sync as the hub's own: no conflict, no busy block, the booking stands.
    JsonObject connections = api("GET", "/api/v1/calendar-connections", null);
    assertThat(connections.getJsonArray("conflictingBookings")).isEmpty();

    HttpResponse<Buffer> cancelled = client.post(hub.httpPort(), "127.0.0.1",
        "/api/v1/public/bookings/" + token + "/cancel").send().await();
    assertThat(cancelled.statusCode()).as(cancelled.bodyAsString()).isEqualTo(200);
    waitUntil(() -> GOOGLE.userView(OWNER).values().stream()
        .noneMatch(e -> e.getString("summary", "").contains("mirror@example.com")), Duration.ofSeconds(10),
        "the cancelled booking's event is gone from Google");
    waitUntil(() -> freeStarts().contains(start), Duration.ofSeconds(10), "the slot is free again");
  }

  @Test
  @Order(4)
  @EnabledIfSystemProperty(named = "bench.sync", matches = "true")
  @DisplayName("benchmark: time from a Google event to its slot being blocked, push on, 100 changes")
  void pushLatencyBenchmark() {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      millis.add(eventBlocksSlot(0, Duration.ofSeconds(30)).toMillis());
    }
    Collections.sort(millis);
    System.out.printf("BENCH google push->blocked over %d changes: p50=%d ms p95=%d ms max=%d ms%n", millis.size(),
        millis.get(49), millis.get(94), millis.get(99));
  }

  @Test
  @Order(5)
  @DisplayName("a spoofed push (unknown channel or wrong token) is answered 404 and syncs nothing")
  void spoofedPushIsRefused() {
    HttpResponse<Buffer> unknown = client.post(hub.httpPort(), "127.0.0.1", "/hooks/google")
        .putHeader("X-Goog-Channel-ID", "not-a-channel").putHeader("X-Goog-Channel-Token", "x")
        .putHeader("X-Goog-Resource-State", "exists").send().await();
    HttpResponse<Buffer> anonymous = client.post(hub.httpPort(), "127.0.0.1", "/hooks/google").send().await();
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(anonymous.statusCode()).isEqualTo(404);
  }

  @Test
  @Order(6)
  @DisplayName("an event laid over a booking: the booking stands, is flagged, and the provider is mailed")
  void eventOverABookingIsFlaggedAndMailed() {
    String start = freeStarts().get(3);
    HttpResponse<Buffer> booked = HubFixture.book(client, hub.httpPort(), "demo-30", start, "clash@example.com")
        .await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String bookingId = booked.bodyAsJsonObject().getJsonObject("booking").getString("id");

    GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(
        new TimeRange(Instant.parse(start).minus(Duration.ofMinutes(30)), Instant.parse(start).plus(
            Duration.ofMinutes(60))), true));

    waitUntil(() -> api("GET", "/api/v1/calendar-connections", null).getJsonArray("conflictingBookings").stream()
        .anyMatch(c -> bookingId.equals(((JsonObject) c).getString("bookingId"))), Duration.ofSeconds(10),
        "the booking is flagged as conflicting");
    waitUntil(() -> api("GET", "/api/v1/notifications?limit=200", null).getJsonArray("items").stream()
        .map(o -> (JsonObject) o).anyMatch(n -> bookingId.equals(n.getString("bookingId"))
            && "PROVIDER_CALENDAR_CONFLICT".equals(n.getString("kind"))), Duration.ofSeconds(10),
        "the provider is told by mail");
    assertThat(freeStarts()).doesNotContain(Instant.parse(start).minus(Duration.ofMinutes(30)).toString());
  }

  @Test
  @Order(7)
  @DisplayName("booking-time check: an unsynced Google event refuses the booking; an outage follows the policy")
  void liveCheckAndOutagePolicy() {
    GOOGLE.notifyPolicy(NotifyPolicy.dropAll());
    try {
      String start = freeStarts().get(4);
      String lastSync = lastSyncedAt();
      GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(TimeRange.of(Instant.parse(start),
          Duration.ofMinutes(30)), true));
      HttpResponse<Buffer> refused = HubFixture.book(client, hub.httpPort(), "demo-30", start, "late@example.com")
          .await();
      assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
      if (lastSync.equals(lastSyncedAt())) {
        // No sync ran in between: only the live free/busy check can have refused it.
        assertThat(refused.bodyAsString()).contains("busy in the provider's calendar");
      }
    } finally {
      GOOGLE.notifyPolicy(NotifyPolicy.PROMPT);
    }

    choosePolicy("REFUSE");
    GOOGLE.fault("POST", ".*/freeBusy", 503, "backendError", 0, 1);
    String slot = freeStarts().get(5);
    HttpResponse<Buffer> unreachable = HubFixture.book(client, hub.httpPort(), "demo-30", slot, "outage@example.com")
        .await();
    assertThat(unreachable.statusCode()).as(unreachable.bodyAsString()).isEqualTo(409);
    assertThat(unreachable.bodyAsString()).contains("cannot be checked");

    choosePolicy("ACCEPT_LAST_SYNCED");
    GOOGLE.fault("POST", ".*/freeBusy", 503, "backendError", 0, 1);
    HttpResponse<Buffer> accepted = HubFixture.book(client, hub.httpPort(), "demo-30", slot, "outage@example.com")
        .await();
    assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(201);
  }

  private String lastSyncedAt() {
    return api("GET", "/api/v1/calendar-connections", null).getJsonArray("items").getJsonObject(0)
        .getJsonArray("blocking").getJsonObject(0).getString("lastSyncedAt", "");
  }

  private void choosePolicy(String policy) {
    api("PUT", "/api/v1/calendar-connections/google", new JsonObject()
        .put("blocking", new JsonArray().add(new JsonObject().put("calendarId", OWNER)
            .put("resourceIds", new JsonArray().add("demo-room"))))
        .put("targetCalendarId", OWNER).put("whenUnreachable", policy));
  }

  @Test
  @Order(8)
  @DisplayName("a revoked grant marks the connection BROKEN, visible to the provider")
  void revokedGrantBreaksTheConnection() {
    GOOGLE.revoke(OWNER);
    GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(TimeRange.of(CLOCK.instant().plus(Duration.ofDays(3)),
        Duration.ofMinutes(30)), true));
    waitUntil(() -> "BROKEN".equals(api("GET", "/api/v1/calendar-connections", null).getJsonArray("items")
        .getJsonObject(0).getString("state")), RECONCILE.plusSeconds(10), "the connection is broken");
  }
}
