package dev.dovetail.app;

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
    return new AppConfig("127.0.0.1", freePort(), "http://127.0.0.1", dataDir, mongoUri, "dovetail", 0, demoData,
        DEMO_PASSWORD, cluster, 100_000, 256 * 1024, false, 4,
        "dGVzdHMnIG1hbmFnZS1saW5rIGtleSwgMzIgYnl0ZXMgb3IgbW9yZQ==");
  }

  /** {@code base} with its public URL on its own port and the given mail, Stripe and calendar settings. */
  static AppConfig withIntegrations(AppConfig base, AppConfig.Mail mail, AppConfig.Stripe stripe,
      AppConfig.Outlook outlook, AppConfig.Calendars calendars) {
    return new AppConfig(base.httpHost(), base.httpPort(), "http://127.0.0.1:" + base.httpPort(), base.dataDir(),
        base.mongoUri(), base.mongoDatabase(), base.embeddedMongoPort(), base.demoData(), base.demoPassword(),
        base.cluster(), base.publicRequestsPerMinute(), base.maxBodyBytes(), base.secureCookies(), base.bcryptCost(),
        base.secretKey(), mail, base.trustedProxies(), stripe, outlook, calendars);
  }

  /** {@code base} mailing through a local SMTP server on {@code port} (GreenMail), without TLS or AUTH. */
  static AppConfig withSmtp(AppConfig base, int port) {
    return withIntegrations(base,
        new AppConfig.Mail("127.0.0.1", port, null, null, "none", AppConfig.Mail.DEFAULT_FROM),
        base.stripe(), base.outlook(), base.calendars());
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
    return new AppConfig.Cluster("dovetail", "127.0.0.1", 0, List.of());
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
