package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OAuth callback as a browser reaches it from the calendar service's own site: the {@code SameSite=Strict}
 * session cookie is not sent, only the {@code SameSite=Lax} nonce cookie that {@code connect} set. The signed state
 * names the provider; a callback without the nonce of its own flow stores nothing (issue 23, point 1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("The calendar OAuth callback works without the Strict session cookie, bound to the browser by a nonce")
class CalendarCallbackCrossSiteHubIT {

  static final String OWNER = "demo-owner@example.com";

  private static final MovableClock CLOCK = new MovableClock();
  private static final Vertx EMULATOR_VERTX = Vertx.vertx();
  /** Started before the hub, whose config names its address. */
  private static final GoogleCalendarEmulator GOOGLE = GoogleCalendarEmulator.start(EMULATOR_VERTX, CLOCK, 7).await();

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().clock(CLOCK).google(GOOGLE)
      .config(c -> c.withSync(AppConfig.Sync.defaults().withTimings(Duration.ofSeconds(30), false))).build();

  private Hub hub;
  private Vertx clientVertx;
  private WebClient client;
  private DemoSession session;

  @BeforeAll
  void startHub() {
    GOOGLE.addUser(OWNER);
    GOOGLE.consentAs(OWNER);
    hub = HUB.hub();
    clientVertx = HUB.clientVertx();
    client = HUB.client();
    session = DemoSession.login(client, hub.httpPort());
  }

  @AfterAll
  void stop() {
    EMULATOR_VERTX.close().await();
  }

  @BeforeEach
  void disconnected() {
    session.send("DELETE", "/api/v1/calendar-connections/google", null);
    assertThat(connections()).isEmpty();
  }

  /** The dashboard's click on "Connect": the hub's answer (consent URL and nonce cookie). */
  private HttpResponse<Buffer> connect() {
    HttpResponse<Buffer> start = client.get(hub.httpPort(), "127.0.0.1",
        "/api/v1/calendar-connections/google/connect").followRedirects(false).putHeader("Cookie", session.cookie())
        .send().await();
    assertThat(start.statusCode()).as(start.bodyAsString()).isEqualTo(302);
    return start;
  }

  private static String nonceCookie(HttpResponse<Buffer> start) {
    String set = start.cookies().stream().filter(c -> c.startsWith("dovetail.connect=")).findFirst()
        .orElseThrow(() -> new AssertionError("connect set no nonce cookie: " + start.cookies()));
    assertThat(set).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
        .contains("Path=/api/v1/calendar-connections/");
    return set.substring(0, set.indexOf(';'));
  }

  /** The consent page's answer: where the service sends the browser back. */
  private String consent(HttpResponse<Buffer> start) {
    HttpResponse<Buffer> granted = client.getAbs(start.getHeader("Location")).followRedirects(false).send().await();
    assertThat(granted.statusCode()).isEqualTo(302);
    return granted.getHeader("Location");
  }

  private HttpResponse<Buffer> callback(String url, String cookies) {
    var request = client.getAbs(url).followRedirects(false);
    if (cookies != null) {
      request.putHeader("Cookie", cookies);
    }
    return request.send().await();
  }

  private JsonArray connections() {
    HttpResponse<Buffer> list = session.send("GET", "/api/v1/calendar-connections", null);
    assertThat(list.statusCode()).isEqualTo(200);
    return list.bodyAsJsonObject().getJsonArray("items");
  }

  @Test
  @DisplayName("with only the nonce cookie (no session cookie, as from the consent site) the callback connects")
  void callbackFromTheConsentSiteConnects() {
    HttpResponse<Buffer> start = connect();
    String nonce = nonceCookie(start);

    HttpResponse<Buffer> done = callback(consent(start), nonce);

    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    assertThat(done.bodyAsString()).contains("http-equiv=\"refresh\" content=\"0;url=/dashboard#calendars\"");
    assertThat(connections()).hasSize(1);
    assertThat(connections().getJsonObject(0).getString("state")).isEqualTo("CONNECTED");
  }

  @Test
  @DisplayName("a callback without the nonce cookie stores nothing, even with the session cookie")
  void callbackWithoutNonceStoresNothing() {
    HttpResponse<Buffer> start = connect();

    HttpResponse<Buffer> done = callback(consent(start), session.cookie());

    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(400);
    assertThat(done.bodyAsString()).contains("start connecting again");
    assertThat(connections()).isEmpty();
  }

  @Test
  @DisplayName("a callback carrying another flow's nonce (another browser) stores nothing")
  void callbackWithAnotherFlowsNonceStoresNothing() {
    HttpResponse<Buffer> mine = connect();
    String otherBrowsersNonce = nonceCookie(connect());

    HttpResponse<Buffer> done = callback(consent(mine), otherBrowsersNonce);

    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(400);
    assertThat(connections()).isEmpty();
  }
}
