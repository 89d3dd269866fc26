package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.google.emulator.EmulatorExternalSide;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hub at an {@code http://} public URL with push left on (the default) against a Google emulator as strict as
 * Google (HTTPS push addresses only): the hub opens no channel and never asks for one; a change made in Google still
 * blocks the slot, through reconciliation (issue 23, point 6).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("At an http public URL the hub asks for no push channel and syncs by reconciliation")
class PushNeedsHttpsHubIT {

  static final String OWNER = "demo-owner@example.com";
  static final Duration RECONCILE = Duration.ofSeconds(3);

  private static final MovableClock CLOCK = new MovableClock();
  private static final Vertx EMULATOR_VERTX = Vertx.vertx();
  /** Started before the hub, whose config names its address. */
  private static final GoogleCalendarEmulator GOOGLE = GoogleCalendarEmulator.start(EMULATOR_VERTX, CLOCK, 5).await();

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().clock(CLOCK).google(GOOGLE)
      .config(c -> c.withSync(AppConfig.Sync.defaults().withTimings(RECONCILE, true))).build();

  private Hub hub;
  private Vertx clientVertx;
  private WebClient client;
  private DemoSession session;

  @BeforeAll
  void startHubAndConnectGoogle() {
    GOOGLE.addUser(OWNER);
    GOOGLE.consentAs(OWNER);
    assertThat(HUB.config().http().publicUrl()).startsWith("http://");
    hub = HUB.hub();
    clientVertx = HUB.clientVertx();
    client = HUB.client();
    session = DemoSession.login(client, hub.httpPort());
    connect();
  }

  @AfterAll
  void stop() {
    EMULATOR_VERTX.close().await();
  }

  private void connect() {
    HttpResponse<Buffer> start = client.get(hub.httpPort(), "127.0.0.1",
        "/api/v1/calendar-connections/google/connect").followRedirects(false).putHeader("Cookie", session.cookie())
        .send().await();
    assertThat(start.statusCode()).as(start.bodyAsString()).isEqualTo(302);
    HttpResponse<Buffer> granted = client.getAbs(start.getHeader("Location")).followRedirects(false).send().await();
    HttpResponse<Buffer> done = client.getAbs(granted.getHeader("Location")).followRedirects(false)
        .putHeader("Cookie", DemoSession.nonceCookie(start)).send().await();
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> chosen = session.send("PUT", "/api/v1/calendar-connections/google", new JsonObject()
        .put("blocking", new JsonArray().add(new JsonObject().put("calendarId", OWNER)
            .put("resourceIds", new JsonArray().add("demo-room"))))
        .put("targetCalendarId", OWNER).put("whenUnreachable", "ACCEPT_LAST_SYNCED"));
    assertThat(chosen.statusCode()).as(chosen.bodyAsString()).isEqualTo(200);
  }

  private long eventLists() {
    return GOOGLE.requests().stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/events")).count();
  }

  @Test
  @DisplayName("no watch call reaches Google, and an event made in Google blocks its slot by reconciliation")
  void reconciliationOnly() {
    List<String> free = HUB.freeStarts("demo-30");
    String start = free.get(0);
    GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(TimeRange.of(Instant.parse(start), Duration.ofMinutes(30)),
        true));
    waitUntil(() -> !HUB.freeStarts("demo-30").contains(start),
        "the slot " + start + " is blocked");
    // Two more reconciliations: every scheduler pass in between would have asked for a channel if push were on.
    long lists = eventLists();
    waitUntil(() -> eventLists() >= lists + 2, "two more reconciliations");

    assertThat(GOOGLE.requests()).noneMatch(r -> r.path().endsWith("/watch"));
    assertThat(GOOGLE.liveChannels(OWNER)).isZero();
  }

  /** Polls every 50 ms on this thread (the hub runs on its own event loops) until true, within the class time-out. */
  private static void waitUntil(BooleanSupplier condition, String what) {
    while (!condition.getAsBoolean()) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(what, e);
      }
    }
  }
}
