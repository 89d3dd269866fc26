package dev.dovetail.app;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.infra.mail.SmtpMailer;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Starts real hubs for integration tests and talks to them over HTTP like any client would. */
final class HubFixture {

  static final String DEMO_PASSWORD = "demo-password-for-tests";

  private HubFixture() {}

  /** A hub config on a free HTTP port against the given store, demo data on, fast bcrypt, generous rate limit. */
  static AppConfig config(String mongoUri, Path dataDir, boolean demoData, AppConfig.Cluster cluster) {
    return AppConfig.defaults()
        .withHttp(new AppConfig.Http("127.0.0.1", freePort(), "http://127.0.0.1", 100_000, 256 * 1024))
        .withStore(new AppConfig.Store(dataDir, mongoUri, "dovetail", 0))
        .withDemo(new AppConfig.Demo(demoData, DEMO_PASSWORD))
        .withCluster(cluster)
        .withSecurity(new AppConfig.Security(false, 4, "dGVzdHMnIG1hbmFnZS1saW5rIGtleSwgMzIgYnl0ZXMgb3IgbW9yZQ==",
            List.of(), SignUpMode.OPEN, false));
  }

  /** {@code base} with its public URL on its own port (what the calendar and payment emulators call back). */
  static AppConfig onItsPort(AppConfig base) {
    AppConfig.Http http = base.http();
    return base.withHttp(new AppConfig.Http(http.host(), http.port(), "http://127.0.0.1:" + http.port(),
        http.publicRequestsPerMinute(), http.maxBodyBytes()));
  }

  /** {@code base} on its own port, mailing through a local SMTP server on {@code port} (GreenMail) without TLS or AUTH. */
  static AppConfig withSmtp(AppConfig base, int port) {
    return onItsPort(base).withMail(
        new AppConfig.Mail("127.0.0.1", port, null, null, SmtpMailer.Tls.NONE, AppConfig.Mail.DEFAULT_FROM));
  }

  /** Google calendars served by {@code google}, the emulator. */
  static AppConfig.Google google(GoogleCalendarEmulator google) {
    return new AppConfig.Google(GoogleCalendarEmulator.CLIENT_ID, GoogleCalendarEmulator.CLIENT_SECRET,
        google.apiRoot(), google.oauthBase());
  }

  /** {@code base} whose webhooks may go to private addresses (the receivers in these tests listen on 127.0.0.1). */
  static AppConfig allowPrivateWebhooks(AppConfig base) {
    return base.withSecurity(base.security().withWebhookAllowPrivate(true));
  }

  /** Polls {@code condition} every 100 ms (a timer of {@code timers}, no sleeping thread) for up to 30 s. */
  static void waitUntil(Vertx timers, java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      org.assertj.core.api.Assertions.assertThat(System.nanoTime() < deadline).as("not within 30 s: " + what).isTrue();
      timers.timer(100).await();
    }
  }

  static AppConfig.Cluster noCluster() {
    return AppConfig.defaults().cluster();
  }

  static WebClient client(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(200));
  }

  /** The first free slot of a booking type over the next four weeks, as its UTC start instant string. */
  static Future<List<String>> freeStarts(WebClient client, int port, String bookingTypeId) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    return client.get(port, "127.0.0.1", "/api/v1/public/booking-types/" + bookingTypeId + "/slots")
        .addQueryParam("from", today.plusDays(1).toString())
        .addQueryParam("to", today.plusDays(29).toString())
        .addQueryParam("tz", "Europe/Berlin")
        .send()
        .map(HttpResponse::bodyAsJsonObject)
        .map(body -> body.getJsonArray("slots").stream()
            .map(slot -> ((JsonObject) slot).getString("start"))
            .toList());
  }

  static Future<HttpResponse<io.vertx.core.buffer.Buffer>> book(
      WebClient client, int port, String bookingTypeId, String start, String email) {
    return client.post(port, "127.0.0.1", "/api/v1/public/booking-types/" + bookingTypeId + "/bookings")
        .sendJsonObject(new JsonObject()
            .put("start", start)
            .put("timeZone", "America/New_York")
            .put("name", "Customer " + email)
            .put("email", email));
  }

  static JsonArray alternatives(HttpResponse<?> response) {
    return response.bodyAsJsonObject().getJsonArray("alternatives", new JsonArray());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
