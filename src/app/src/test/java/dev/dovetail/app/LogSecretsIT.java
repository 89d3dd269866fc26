package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full hub run with {@code DOVETAIL_LOG_FORMAT=json}: every log line is one JSON object, requests carry the id the
 * hub answered in {@code X-Request-Id}, and not one secret it issued (demo password, manage token, API token, app
 * password, webcal token) is anywhere in the log.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LogSecretsIT {

  private static final Pattern BANNER_PASSWORD = Pattern.compile("password (\\S+)  <- shown only once");
  private static final Pattern FEED = Pattern.compile("/webcal/[^<\"]+\\.ics");

  @TempDir
  Path work;

  private Vertx vertx;
  private WebClient client;

  @BeforeEach
  void client() {
    vertx = Vertx.vertx();
    client = HubExtension.client(vertx);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("the JSON log of a full hub run holds one object a line, the request ids, and none of the secrets it "
      + "issued")
  void noSecretInTheLog() throws Exception {
    Path log = work.resolve("hub.log");
    Path console = work.resolve("console.txt");
    int port = HubExtension.freePort();
    // No DOVETAIL_DEMO_PASSWORD: the hub generates one and shows it on the console only.
    ChildHub hub = ChildHub.start(work.resolve("data"), port, log, console,
        Map.of("DOVETAIL_LOG_FORMAT", "json", "DOVETAIL_DEMO_PASSWORD", ""));
    List<String> secrets = new ArrayList<>();
    List<String> requestIds = new ArrayList<>();
    try {
      HubProbe.await(vertx, client, port, "/ready", 200, Duration.ofSeconds(90), hub::isAlive).await();
      Matcher banner = BANNER_PASSWORD.matcher(Files.readString(console));
      assertThat(banner.find()).as("the generated password on the console").isTrue();
      String password = banner.group(1);
      secrets.add(password);

      HttpResponse<Buffer> login = client.post(port, "127.0.0.1", "/api/v1/auth/login")
          .sendJsonObject(new JsonObject().put("login", "demo").put("password", password)).await();
      assertThat(login.statusCode()).isEqualTo(200);
      requestIds.add(login.getHeader(RequestLog.HEADER));
      String cookie = login.cookies().stream().filter(c -> c.startsWith("dovetail.session="))
          .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
      DemoSession session = new DemoSession(client, port, cookie, login.getHeader("X-CSRF-Token"));
      client.post(port, "127.0.0.1", "/api/v1/auth/login")
          .sendJsonObject(new JsonObject().put("login", "demo").put("password", password + "-wrong")).await();

      String apiToken = session.send("POST", "/api/v1/api-tokens", new JsonObject().put("label", "ci"))
          .bodyAsJsonObject().getString("secret");
      String appPassword = session.send("POST", "/api/v1/app-passwords", new JsonObject().put("label", "phone"))
          .bodyAsJsonObject().getString("secret");
      secrets.add(apiToken);
      secrets.add(appPassword);
      assertThat(client.get(port, "127.0.0.1", "/api/v1/me").bearerTokenAuthentication(apiToken).send().await()
          .statusCode()).isEqualTo(200);

      String start = HubFixture.freeStarts(client, port, "demo-30", HubFixture.SYSTEM_CLOCK).await().get(0);
      HttpResponse<Buffer> booked = HubFixture.book(client, port, "demo-30", start, "secret@example.com").await();
      assertThat(booked.statusCode()).isEqualTo(201);
      requestIds.add(booked.getHeader(RequestLog.HEADER));
      String manage = booked.bodyAsJsonObject().getString("manageToken");
      secrets.add(manage);
      assertThat(client.get(port, "127.0.0.1", "/api/v1/public/bookings/" + manage).send().await().statusCode())
          .isEqualTo(200);
      client.get(port, "127.0.0.1", "/api/v1/public/bookings/" + manage + "/ics").send().await();
      client.get(port, "127.0.0.1", "/api/v1/public/bookings/" + manage + "x").send().await();

      String calendar = "/dav/calendars/demo/demo-room/";
      HttpResponse<Buffer> issued = client.request(HttpMethod.valueOf("PROPPATCH"), port, "127.0.0.1", calendar)
          .basicAuthentication("demo", appPassword).putHeader("Content-Type", "application/xml")
          .sendBuffer(Buffer.buffer("<?xml version=\"1.0\"?><d:propertyupdate xmlns:d=\"DAV:\" "
              + "xmlns:t=\"https://dovetail.dev/ns/caldav\"><d:set><d:prop><t:feed-url/></d:prop></d:set>"
              + "</d:propertyupdate>")).await();
      assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(207);
      HttpResponse<Buffer> found = client.request(HttpMethod.valueOf("PROPFIND"), port, "127.0.0.1", calendar)
          .basicAuthentication("demo", appPassword).putHeader("Depth", "0")
          .putHeader("Content-Type", "application/xml")
          .sendBuffer(Buffer.buffer("<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\" "
              + "xmlns:t=\"https://dovetail.dev/ns/caldav\"><d:prop><t:feed-url/></d:prop></d:propfind>")).await();
      Matcher feed = FEED.matcher(found.bodyAsString());
      assertThat(feed.find()).as(found.bodyAsString()).isTrue();
      String feedPath = feed.group();
      secrets.add(feedPath.substring(feedPath.lastIndexOf('/') + 1, feedPath.length() - ".ics".length()));
      assertThat(client.get(port, "127.0.0.1", feedPath).send().await().statusCode()).isEqualTo(200);
    } finally {
      hub.terminate();
      hub.awaitExit(60);
    }

    List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    List<JsonObject> records = new ArrayList<>();
    for (String line : lines) {
      assertThat(line).as("one JSON object a line").startsWith("{").endsWith("}");
      records.add(new JsonObject(line));
    }
    assertThat(records).anyMatch(r -> "dev.dovetail.access".equals(r.getString("loggerName"))
        && r.getJsonObject("mdc", new JsonObject()).getString("requestId", "").equals(requestIds.get(1)));
    assertThat(records).anyMatch(r -> r.getString("formattedMessage", "").contains("/api/v1/public/bookings/:manageToken"));
    String text = String.join("\n", lines);
    for (String secret : secrets) {
      assertThat(secret).hasSizeGreaterThan(7);
      assertThat(text).as("the log holds no issued secret").doesNotContain(secret);
    }
  }
}
