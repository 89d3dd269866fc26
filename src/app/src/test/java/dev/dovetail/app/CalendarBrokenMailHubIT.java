package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.google.emulator.EmulatorExternalSide;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
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
 * A hub synced with the Google emulator, mailing through a real SMTP server (GreenMail): a revoked grant breaks the
 * connection and the provider receives exactly one mail with the reconnect link, however often the sync runs after;
 * connecting again and losing the grant again sends a second one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("A hub mails the provider when their Google connection breaks, once per break")
class CalendarBrokenMailHubIT {

  static final String OWNER = "broken-owner@example.com";
  static final Duration RECONCILE = Duration.ofSeconds(2);

  private static final MovableClock CLOCK = new MovableClock();
  private static final Vertx EMULATOR_VERTX = Vertx.vertx();
  /** Started before the hub, whose config names its address. */
  private static final GoogleCalendarEmulator GOOGLE = GoogleCalendarEmulator.start(EMULATOR_VERTX, CLOCK, 11).await();
  private static final GreenMail SMTP = HubExtension.startedSmtp();

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().clock(CLOCK).google(GOOGLE)
      .mailingTo(SMTP.getSmtp().getPort())
      .config(c -> c.withSync(AppConfig.Sync.defaults().withTimings(RECONCILE, true).withPushOverHttp())).build();

  private Hub hub;
  private String publicUrl;
  private Vertx clientVertx;
  private WebClient client;
  private String cookie;
  private String csrf;

  @BeforeAll
  void start() {
    GOOGLE.allowHttpAddresses(); // the hub here is a plain loopback server; Google itself pushes to HTTPS only
    GOOGLE.addUser(OWNER);
    publicUrl = HUB.baseUrl();
    hub = HUB.hub();
    clientVertx = HUB.clientVertx();
    client = HUB.client();
    login();
  }

  @AfterAll
  void stop() {
    SMTP.stop();
    EMULATOR_VERTX.close().await();
  }

  @Test
  @DisplayName("a revoked grant: one mail with the reconnect link despite repeated syncs; after reconnecting, a new "
      + "break mails again")
  void revokedGrantMailsTheProviderOncePerBreak() throws Exception {
    connectGoogle();
    GOOGLE.revoke(OWNER);
    waitUntil(() -> "BROKEN".equals(connection().getString("state")), RECONCILE.multipliedBy(10),
        "the connection is broken");
    waitUntil(() -> SMTP.getReceivedMessages().length >= 1, Duration.ofSeconds(20), "the provider is mailed");

    // The sync keeps running: reconciliations, a changed Google calendar (push), a booking to write out.
    GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(TimeRange.of(CLOCK.instant().plus(Duration.ofDays(3)),
        Duration.ofMinutes(30)), true));
    List<String> free = HUB.freeStarts("demo-30");
    assertThat(HubFixture.book(client, hub.httpPort(), "demo-30", free.get(0), "after-break@example.com").await()
        .statusCode()).isEqualTo(201);
    pause(RECONCILE.multipliedBy(4));

    MimeMessage[] provider = toProvider();
    assertThat(provider).as("exactly one broken-connection mail").hasSize(1);
    MimeMessage mail = provider[0];
    assertThat(mail.getSubject()).contains("Google Calendar").contains(OWNER);
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains(publicUrl + "/dashboard#calendars").contains("no longer block bookings")
        .contains("text/html");
    assertThat(brokenNotifications()).singleElement().satisfies(n -> assertThat(n.getString("state")).isEqualTo(
        "SENT"));

    connectGoogle();
    assertThat(connection().getString("state")).isEqualTo("CONNECTED");
    GOOGLE.revoke(OWNER);
    waitUntil(() -> toProvider().length == 2, RECONCILE.multipliedBy(10).plusSeconds(20),
        "a second break is mailed again");
    pause(RECONCILE.multipliedBy(2));
    assertThat(toProvider()).hasSize(2);
    assertThat(brokenNotifications()).hasSize(2);
  }

  private MimeMessage[] toProvider() {
    return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains("connection") && m.getAllRecipients()[0].toString()
            .equals(DemoData.EMAIL);
      } catch (jakarta.mail.MessagingException e) {
        throw new AssertionError(e);
      }
    }).toArray(MimeMessage[]::new);
  }

  private List<JsonObject> brokenNotifications() {
    return api("GET", "/api/v1/notifications?limit=200", null).getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(n -> "PROVIDER_CALENDAR_BROKEN".equals(n.getString("kind"))).toList();
  }

  private JsonObject connection() {
    return api("GET", "/api/v1/calendar-connections", null).getJsonArray("items").getJsonObject(0);
  }

  private void login() {
    DemoSession session = DemoSession.login(client, hub.httpPort());
    cookie = session.cookie();
    csrf = session.csrf();
  }

  /** The browser's round trip hub → Google consent → hub callback, then the provider's calendar choice. */
  private void connectGoogle() {
    GOOGLE.consentAs(OWNER);
    HttpResponse<Buffer> start = client.get(hub.httpPort(), "127.0.0.1",
        "/api/v1/calendar-connections/google/connect").followRedirects(false).putHeader("Cookie", cookie).send()
        .await();
    assertThat(start.statusCode()).as(start.bodyAsString()).isEqualTo(302);
    HttpResponse<Buffer> granted = client.getAbs(start.getHeader("Location")).followRedirects(false).send().await();
    assertThat(granted.statusCode()).isEqualTo(302);
    HttpResponse<Buffer> done = client.getAbs(granted.getHeader("Location")).followRedirects(false)
        .putHeader("Cookie", DemoSession.nonceCookie(start)).send().await();
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    api("PUT", "/api/v1/calendar-connections/google", new JsonObject()
        .put("blocking", new JsonArray().add(new JsonObject().put("calendarId", OWNER)
            .put("resourceIds", new JsonArray().add("demo-room"))))
        .put("targetCalendarId", OWNER).put("whenUnreachable", "ACCEPT_LAST_SYNCED"));
  }

  private JsonObject api(String method, String path, JsonObject body) {
    var request = client.request(io.vertx.core.http.HttpMethod.valueOf(method), hub.httpPort(), "127.0.0.1", path)
        .putHeader("Cookie", cookie).putHeader("X-CSRF-Token", csrf);
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendJsonObject(body)).await();
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.bodyAsString()).isBetween(200, 299);
    return response.body() == null ? new JsonObject() : response.bodyAsJsonObject();
  }

  private static void waitUntil(BooleanSupplier condition, Duration deadline, String what) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > deadline.toNanos()) {
        throw new AssertionError("not within " + deadline + ": " + what);
      }
      pause(Duration.ofMillis(100));
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
