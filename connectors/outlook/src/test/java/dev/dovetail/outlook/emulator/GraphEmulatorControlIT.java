package dev.dovetail.outlook.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Graph emulator: the /_emu control API and the raw Graph answers tests rely on")
class GraphEmulatorControlIT {

  /** The emulator's start: the day before the events these tests create. */
  static final Instant AT = Instant.parse("2030-01-06T12:00:00Z");

  static Vertx vertx;
  static GraphEmulator graph;
  static WebClient web;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, AT).await();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void reset() {
    assertThat(control("reset", new JsonObject()).statusCode()).isEqualTo(204);
  }

  static HttpResponse<Buffer> control(String op, JsonObject body) {
    return web.postAbs("http://127.0.0.1:" + graph.port() + "/_emu/" + op).sendJsonObject(body).await();
  }

  static HttpResponse<Buffer> get(String path, String token) {
    return web.getAbs(graph.graphBase() + path).putHeader("Authorization", "Bearer " + token).send().await();
  }

  @Test
  @DisplayName("events created over /_emu show in the calendar view; requests are logged with their Prefer header")
  void eventsAndRequestLog() {
    JsonObject created = control("graph/events", new JsonObject().put("event", new JsonObject().put("subject", "x")
        .put("start", new JsonObject().put("dateTime", "2030-01-07T09:00:00").put("timeZone", "Pacific Standard Time"))
        .put("end", new JsonObject().put("dateTime", "2030-01-07T10:00:00").put("timeZone", "Pacific Standard Time"))))
        .bodyAsJsonObject();
    String token = graph.accessToken();
    HttpResponse<Buffer> view = web.getAbs(graph.graphBase()
            + "/me/calendarView?startDateTime=2030-01-07T00:00:00Z&endDateTime=2030-01-08T00:00:00Z")
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Prefer", "outlook.timezone=\"W. Europe Standard Time\"").send().await();

    JsonObject first = view.bodyAsJsonObject().getJsonArray("value").getJsonObject(0);
    assertThat(first.getString("id")).isEqualTo(created.getString("id"));
    assertThat(first.getJsonObject("start").getString("dateTime")).isEqualTo("2030-01-07T18:00:00.0000000");
    assertThat(first.getJsonObject("start").getString("timeZone")).isEqualTo("W. Europe Standard Time");
    assertThat(first.getString("@odata.etag")).startsWith("W/\"");
    JsonArray log = control("requests", new JsonObject()).bodyAsJsonArray();
    assertThat(log.stream().map(o -> ((JsonObject) o).getString("prefer")))
        .contains("outlook.timezone=\"W. Europe Standard Time\"");
  }

  @Test
  @DisplayName("faults answer the next matching requests with the status, Graph error body and Retry-After")
  void faults() {
    control("faults", new JsonObject()
        .put("match", new JsonObject().put("method", "GET").put("path", "/calendars$"))
        .put("respond", new JsonObject().put("status", 429).put("retryAfter", 3)).put("times", 1));
    String token = graph.accessToken();

    HttpResponse<Buffer> throttled = get("/me/calendars", token);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.getHeader("Retry-After")).isEqualTo("3");
    assertThat(throttled.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("activityLimitReached");
    assertThat(get("/me/calendars", token).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("without a valid bearer token Graph answers 401; an unknown zone name is 400")
  void authAndZones() {
    assertThat(get("/me/calendars", "nope").statusCode()).isEqualTo(401);
    HttpResponse<Buffer> bad = web.postAbs(graph.graphBase() + "/me/events")
        .putHeader("Authorization", "Bearer " + graph.accessToken())
        .sendJsonObject(new JsonObject().put("subject", "x")
            .put("start", new JsonObject().put("dateTime", "2030-01-07T09:00:00").put("timeZone", "Mars Time"))
            .put("end", new JsonObject().put("dateTime", "2030-01-07T10:00:00").put("timeZone", "Mars Time")))
        .await();
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsString()).contains("Mars Time");
  }

  @Test
  @DisplayName("invalidateDelta over /_emu: the old delta link answers 410 with a Location that restarts the round")
  void invalidateDelta() {
    String token = graph.accessToken();
    JsonObject first = get("/me/calendarView/delta?startDateTime=2030-01-01T00:00:00Z&endDateTime=2030-02-01T00:00:00Z",
        token).bodyAsJsonObject();
    String deltaLink = first.getString("@odata.deltaLink");
    assertThat(deltaLink).contains("$deltatoken=");
    control("graph/invalidateDelta", new JsonObject().put("mode", "410Location"));

    HttpResponse<Buffer> gone = web.getAbs(deltaLink).putHeader("Authorization", "Bearer " + token).send().await();

    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.getHeader("Location")).contains("startDateTime=2030-01-01T00:00:00Z").endsWith("$deltatoken=");
    HttpResponse<Buffer> restarted = web.getAbs(gone.getHeader("Location")).putHeader("Authorization", "Bearer " + token)
        .send().await();
    assertThat(restarted.statusCode()).isEqualTo(200);
    assertThat(restarted.bodyAsJsonObject().getString("@odata.deltaLink")).isNotBlank();
    assertThat(control("graph/invalidateDelta", new JsonObject().put("mode", "bogus")).statusCode()).isEqualTo(400);
  }
}
