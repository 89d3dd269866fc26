package dev.dovetail.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Talks to hubs over HTTP like any client would (slots, bookings), and builds the configs of the tests that start
 * several hubs at once (clusters, a restored backup); one hub in a test is {@link HubExtension}.
 */
final class HubFixture {

  /**
   * The clock of a hub started without one (a {@link ChildHub}, {@code Hub.start(config)}): the system clock, which
   * such a hub and its test share; {@link #freeStarts}' four weeks from tomorrow leave free slots at any instant
   * (ADR 32).
   */
  static final Clock SYSTEM_CLOCK = Clock.systemUTC();

  private HubFixture() {}

  /** A hub config on a free HTTP port against the given store ({@link HubExtension#config}), in {@code cluster}. */
  static AppConfig config(String mongoUri, Path dataDir, boolean demoData, AppConfig.Cluster cluster) {
    return HubExtension.config(mongoUri, dataDir, demoData).withCluster(cluster);
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


  /**
   * The free slots of a booking type over the four weeks after the hub's today in Berlin, as UTC start instant
   * strings; {@code hubClock} is the clock the hub runs on (a hub started without one runs on the system clock).
   */
  static Future<List<String>> freeStarts(WebClient client, int port, String bookingTypeId, Clock hubClock) {
    LocalDate today = LocalDate.now(hubClock.withZone(ZoneId.of("Europe/Berlin")));
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

}
