package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.outlook.emulator.GraphEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
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
 * A real hub synced with the Graph emulator, end to end over HTTP: the demo provider connects Outlook through the
 * OAuth redirects and chooses the primary calendar to block the demo room and receive bookings; the hub subscribes
 * (the emulator validates the hub's /hooks/outlook); an Outlook event blocks the slot through change notifications,
 * and through reconciliation when every notification is dropped; a booking appears in Outlook and its cancellation
 * removes it; a revoked grant breaks the connection. The latency benchmark (100 changes, p50/p95) runs with {@code
 * -Dbench.sync=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("A hub syncs with Outlook (emulated Microsoft Graph) both ways")
class OutlookSyncHubIT {

  /** Long enough that a change blocked within it was carried by a notification, short enough for the dropped test. */
  static final Duration RECONCILE = Duration.ofSeconds(8);

  /** Where the emulator's clock, and with it the hub's, starts: a Sunday night, the week ahead open. */
  static final Instant AT = Instant.parse("2027-03-14T23:55:00Z");

  private static final Vertx EMULATOR_VERTX = Vertx.vertx();
  /** Started before the hub, whose config names its address. */
  private static final GraphEmulator GRAPH = GraphEmulator.start(EMULATOR_VERTX, AT).await();

  /** The hub runs on the emulator's clock (in milliseconds, like the store), so both agree on every expiry. */
  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().onItsPort()
      .clock(Clock.tick(GRAPH.clock(), Duration.ofMillis(1)))
      .config(c -> c.withOutlook(new AppConfig.Outlook(GRAPH.clientId(), GRAPH.clientSecret(), GraphEmulator.TENANT,
          GRAPH.graphBase(), GRAPH.loginBase()))
          .withSync(AppConfig.Sync.defaults().withTimings(RECONCILE, true).withPushOverHttp()))
      .build();

  private Hub hub;
  private Vertx clientVertx;
  private WebClient client;
  private String cookie;
  private String csrf;
  private String calendar;

  @BeforeAll
  void startHubAndConnectOutlook() {
    GRAPH.allowHttpNotificationUrls(); // the hub here is a plain loopback server; Graph itself wants HTTPS
    calendar = GRAPH.primaryCalendarId();
    hub = HUB.hub();
    clientVertx = HUB.clientVertx();
    client = HUB.client();
    login();
    connectOutlook();
  }

  @AfterAll
  void stop() {
    GRAPH.stop().await();
    EMULATOR_VERTX.close().await();
  }

  private void login() {
    DemoSession session = DemoSession.login(client, hub.httpPort());
    cookie = session.cookie();
    csrf = session.csrf();
  }

  /** The browser's round trip: hub → Microsoft consent → hub callback; then the provider's choice. */
  private void connectOutlook() {
    HttpResponse<Buffer> start = client.get(hub.httpPort(), "127.0.0.1",
        "/api/v1/calendar-connections/outlook/connect").followRedirects(false).putHeader("Cookie", cookie).send()
        .await();
    assertThat(start.statusCode()).as(start.bodyAsString()).isEqualTo(302);
    String consent = start.getHeader("Location");
    assertThat(consent).startsWith(GRAPH.loginBase() + "/" + GraphEmulator.TENANT + "/oauth2/v2.0/authorize?")
        .contains("offline_access").contains("state=");
    HttpResponse<Buffer> granted = client.getAbs(consent).followRedirects(false).send().await();
    assertThat(granted.statusCode()).isEqualTo(302);
    String callback = granted.getHeader("Location");
    assertThat(callback)
        .startsWith("http://127.0.0.1:" + hub.httpPort() + "/api/v1/calendar-connections/outlook/callback");
    HttpResponse<Buffer> done = client.getAbs(callback).followRedirects(false)
        .putHeader("Cookie", DemoSession.nonceCookie(start)).send().await();
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);

    JsonObject calendars = api("GET", "/api/v1/calendar-connections/outlook/calendars", null);
    assertThat(calendars.getJsonArray("items").stream().map(c -> ((JsonObject) c).getString("id")))
        .contains(calendar);
    JsonObject chosen = api("PUT", "/api/v1/calendar-connections/outlook", new JsonObject()
        .put("blocking", new JsonArray().add(new JsonObject().put("calendarId", calendar)
            .put("resourceIds", new JsonArray().add("demo-room"))))
        .put("targetCalendarId", calendar).put("whenUnreachable", "ACCEPT_LAST_SYNCED"));
    assertThat(chosen.getString("state")).isEqualTo("CONNECTED");
    assertThat(chosen.getString("account")).isEqualTo(GraphEmulator.USER_UPN);
    waitUntil(() -> !GRAPH.subscriptionIds().isEmpty(), Duration.ofSeconds(10), "a subscription is open");
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
        TimeUnit.MILLISECONDS.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private long pauseStart;

  /** True once two seconds passed since first asked: lets the previous test's follow-up sync finish. */
  private boolean pauseOver() {
    if (pauseStart == 0) {
      pauseStart = System.nanoTime();
    }
    return System.nanoTime() - pauseStart > TimeUnit.SECONDS.toNanos(2);
  }

  private static JsonObject utc(Instant at) {
    return new JsonObject().put("dateTime", at.toString().replace("Z", "")).put("timeZone", "UTC");
  }

  /** Creates an Outlook event over a free slot and returns how long until the hub stopped offering it. */
  private Duration eventBlocksSlot(int slotIndex, Duration deadline) {
    String start = freeStarts().get(slotIndex);
    Instant at = Instant.parse(start);
    GRAPH.createEvent(calendar, new JsonObject().put("subject", "Dentist").put("start", utc(at))
        .put("end", utc(at.plus(Duration.ofMinutes(30)))));
    return waitUntil(() -> !freeStarts().contains(start), deadline, "the slot " + start + " is blocked");
  }

  @Test
  @Order(1)
  @DisplayName("an Outlook event blocks the slot through a change notification, before any reconciliation is due")
  void notificationBlocksTheSlot() {
    GRAPH.notifyPolicy(20, 0, 0, false);
    Duration took = eventBlocksSlot(0, RECONCILE.minusSeconds(2));
    System.out.println("outlook notification: slot blocked after " + took.toMillis() + " ms");
  }

  @Test
  @Order(2)
  @DisplayName("with every notification dropped, the event still blocks the slot through the periodic reconciliation")
  void reconciliationBlocksWhenNotificationsAreLost() {
    GRAPH.notifyPolicy(20, 1.0, 0, false);
    waitUntil(this::pauseOver, Duration.ofSeconds(3), "the previous test's follow-up sync is over");
    try {
      Duration took = eventBlocksSlot(1, RECONCILE.plusSeconds(5));
      System.out.println("outlook reconciliation: slot blocked after " + took.toMillis() + " ms");
      assertThat(GRAPH.droppedNotifications()).isPositive();
    } finally {
      GRAPH.notifyPolicy(20, 0, 0, false);
    }
  }

  @Test
  @Order(3)
  @DisplayName("a booking appears in Outlook at its time (not as busy time), and its cancellation removes it")
  void bookingIsMirroredAndItsCancellationRemovesIt() {
    String start = freeStarts().get(2);
    HttpResponse<Buffer> booked = HubFixture.book(client, hub.httpPort(), "demo-30", start, "mirror@example.com")
        .await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String token = booked.bodyAsJsonObject().getString("manageToken");
    Instant at = Instant.parse(start);
    Instant from = at.minus(Duration.ofHours(1));
    Instant to = at.plus(Duration.ofHours(1));

    waitUntil(() -> GRAPH.view(calendar, from, to).stream().anyMatch(e -> e.getString("subject", "")
        .contains("Booking") && e.getJsonObject("start").getString("dateTime").startsWith(start.replace("Z", ""))),
        Duration.ofSeconds(10), "the booking's event is in Outlook");
    JsonObject connections = api("GET", "/api/v1/calendar-connections", null);
    assertThat(connections.getJsonArray("conflictingBookings")).isEmpty();

    HttpResponse<Buffer> cancelled = client.post(hub.httpPort(), "127.0.0.1",
        "/api/v1/public/bookings/" + token + "/cancel").send().await();
    assertThat(cancelled.statusCode()).as(cancelled.bodyAsString()).isEqualTo(200);
    waitUntil(() -> GRAPH.view(calendar, from, to).stream()
        .noneMatch(e -> e.getString("subject", "").contains("Booking")), Duration.ofSeconds(10),
        "the cancelled booking's event is gone from Outlook");
    waitUntil(() -> freeStarts().contains(start), Duration.ofSeconds(10), "the slot is free again");
  }

  @Test
  @Order(4)
  @EnabledIfSystemProperty(named = "bench.sync", matches = "true")
  @DisplayName("benchmark: time from an Outlook event to its slot being blocked, notifications on, 100 changes")
  void notificationLatencyBenchmark() {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      millis.add(eventBlocksSlot(0, Duration.ofSeconds(30)).toMillis());
    }
    Collections.sort(millis);
    System.out.printf("BENCH outlook notification->blocked over %d changes: p50=%d ms p95=%d ms max=%d ms%n",
        millis.size(), millis.get(49), millis.get(94), millis.get(99));
  }

  @Test
  @Order(5)
  @DisplayName("a revoked grant marks the connection BROKEN, visible to the provider, and mails them")
  void revokedGrantBreaksTheConnection() {
    GRAPH.revokeGrant();
    GRAPH.createEvent(calendar, new JsonObject().put("subject", "after revoke")
        .put("start", utc(HUB.clock().instant().plus(Duration.ofDays(3))))
        .put("end", utc(HUB.clock().instant().plus(Duration.ofDays(3)).plus(Duration.ofMinutes(30)))));
    waitUntil(() -> "BROKEN".equals(api("GET", "/api/v1/calendar-connections", null).getJsonArray("items")
        .getJsonObject(0).getString("state")), RECONCILE.plusSeconds(10), "the connection is broken");
    waitUntil(() -> brokenMails().stream().anyMatch(n -> "SENT".equals(n.getString("state"))),
        Duration.ofSeconds(10), "the provider is mailed");
    assertThat(brokenMails()).as("one mail per break").hasSize(1);
  }

  private List<JsonObject> brokenMails() {
    return api("GET", "/api/v1/notifications?limit=200", null).getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(n -> "PROVIDER_CALENDAR_BROKEN".equals(n.getString("kind"))).toList();
  }
}
