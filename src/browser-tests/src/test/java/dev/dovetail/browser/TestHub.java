package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.dovetail.app.AppConfig;
import dev.dovetail.app.Hub;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A real hub started in-process ({@link Hub#start(AppConfig, java.time.Clock)}) on the embedded in-memory store with
 * the demo tenant, and a plain HTTP client for what a test does "behind the browser's back" (booking a slot first,
 * checking the store through the API). Each test class gets a fresh hub, so tests never see each other's bookings.
 * The hub runs on a {@link HubClock}: "now" and "today" are the hub's, never this machine's, in the tests as in the
 * pages.
 */
final class TestHub implements AutoCloseable {

  static final String DEMO_PASSWORD = "demo-password-for-browser-tests";

  private final EmbeddedMongo mongo;
  private final Hub hub;
  private final Path dataDir;
  private final HubClock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestHub(EmbeddedMongo mongo, Hub hub, Path dataDir, HubClock clock) {
    this.mongo = mongo;
    this.hub = hub;
    this.dataDir = dataDir;
    this.clock = clock;
  }

  static TestHub start() {
    return start(new JsonObject());
  }

  /** A hub with these environment variables on top of the usual ones (e.g. DOVETAIL_STRIPE_*). */
  static TestHub start(JsonObject extraEnv) {
    return start(extraEnv, HubClock.fromProperty());
  }

  /**
   * A hub taking card payments through {@code stripe} (the emulator started with the keys {@code sk_test_browser}
   * and {@code pk_test_browser}), whose webhooks it receives; both on {@code clock}.
   */
  static TestHub startWithStripe(dev.dovetail.stripe.emulator.StripeEmulator stripe, HubClock clock) {
    TestHub hub = start(new JsonObject()
        .put("DOVETAIL_STRIPE_SECRET_KEY", "sk_test_browser")
        .put("DOVETAIL_STRIPE_PUBLISHABLE_KEY", "pk_test_browser")
        .put("DOVETAIL_STRIPE_WEBHOOK_SECRET", "whsec_browser")
        .put("DOVETAIL_STRIPE_API_BASE", stripe.apiBase())
        .put("DOVETAIL_STRIPE_JS_URL", stripe.apiBase() + "/v3/"), clock);
    stripe.webhooks(hub.url("/hooks/stripe"), "whsec_browser");
    return hub;
  }

  /** GreenMail taking SMTP on a free port of 127.0.0.1, started. */
  static GreenMail startSmtp() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return smtp;
  }

  /** A hub that sends its mail to {@code smtp} over SMTP without TLS. */
  static TestHub mailingTo(GreenMail smtp) {
    return start(new JsonObject().put("DOVETAIL_SMTP_HOST", "127.0.0.1")
        .put("DOVETAIL_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort())).put("DOVETAIL_SMTP_TLS", "none"));
  }

  /** As above, on {@code clock}: the one the emulators this hub talks to run on too. */
  static TestHub start(JsonObject extraEnv, HubClock clock) {
    EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    try {
      Path dataDir = Files.createTempDirectory("dovetail-browser");
      JsonObject env = new JsonObject()
          .put("DOVETAIL_HTTP_HOST", "127.0.0.1")
          .put("DOVETAIL_HTTP_PORT", "0")
          .put("DOVETAIL_DATA_DIR", dataDir.toString())
          .put("DOVETAIL_MONGO_URI", mongo.connectionString())
          .put("DOVETAIL_DEMO_DATA", "true")
          .put("DOVETAIL_DEMO_PASSWORD", DEMO_PASSWORD)
          .put("DOVETAIL_BCRYPT_COST", "4")
          .put("DOVETAIL_PUBLIC_RATE_LIMIT", "100000")
          .put("DOVETAIL_SECRET_KEY", "YnJvd3NlciB0ZXN0cycgbWFuYWdlLWxpbmsga2V5LCAzMiBieXRlcyBvciBtb3Jl")
          .mergeIn(extraEnv);
      Hub hub = Hub.start(AppConfig.from(env), clock).toCompletionStage().toCompletableFuture().get();
      return new TestHub(mongo, hub, dataDir, clock);
    } catch (Exception e) {
      mongo.close();
      throw new IllegalStateException("the hub did not start", e);
    }
  }

  HubClock clock() {
    return clock;
  }

  /** The hub's now. */
  Instant now() {
    return clock.instant();
  }

  /** The hub's today in a zone. */
  LocalDate today(ZoneId zone) {
    return LocalDate.now(clock.withZone(zone));
  }

  String url(String path) {
    return "http://127.0.0.1:" + hub.httpPort() + path;
  }

  // ---- HTTP ------------------------------------------------------------------------------------------------------

  HttpResponse<String> send(String method, String path, JsonObject body, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  JsonObject getJson(String path) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** Free slots of a booking type for [from, to) in a zone, as the API lists them. */
  List<JsonObject> slots(String typeId, LocalDate from, LocalDate to, ZoneId zone) {
    JsonArray slots = getJson("/api/v1/public/booking-types/" + typeId + "/slots?from=" + from + "&to=" + to
        + "&tz=" + zone.getId()).getJsonArray("slots");
    return slots.stream().map(JsonObject.class::cast).toList();
  }

  /** The first day with free time from the hub's today on, in a zone, and that day's slots: where the page opens. */
  Day firstFreeDay(String typeId, ZoneId zone) {
    return freeDay(typeId, zone, today(zone), 1);
  }

  /**
   * The first day at least two days after the hub's today with at least {@code slots} free slots, in a zone: a day
   * that no hour of "now" can shorten, for tests that need several slots or a booking well ahead.
   */
  Day dayAhead(String typeId, ZoneId zone, int slots) {
    return freeDay(typeId, zone, today(zone).plusDays(2), slots);
  }

  private Day freeDay(String typeId, ZoneId zone, LocalDate from, int atLeast) {
    for (LocalDate day = from; day.isBefore(from.plusDays(28)); day = day.plusDays(1)) {
      List<JsonObject> slots = slots(typeId, day, day.plusDays(1), zone);
      if (slots.size() >= atLeast) {
        return new Day(day, slots);
      }
    }
    throw new AssertionError("no day with " + atLeast + " free slots of " + typeId + " in the 4 weeks from " + from);
  }

  record Day(LocalDate date, List<JsonObject> slots) {
    List<String> starts() {
      return slots.stream().map(s -> s.getString("start")).toList();
    }
  }

  /** Books through the public API as a customer would; answers the raw response (201 or a problem). */
  HttpResponse<String> book(String typeId, String start, String name, String email) {
    return send("POST", "/api/v1/public/booking-types/" + typeId + "/bookings", new JsonObject()
        .put("start", start).put("timeZone", "Europe/Berlin").put("name", name).put("email", email), null);
  }

  /** A receipt of a booking that must succeed. */
  JsonObject bookOrFail(String typeId, String start, String name, String email) {
    HttpResponse<String> response = book(typeId, start, name, email);
    assertThat(response.statusCode()).as("booking " + start + ": " + response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }

  JsonObject managed(String manageToken) {
    return getJson("/api/v1/public/bookings/" + manageToken).getJsonObject("booking");
  }

  /**
   * The text of the newest mail to {@code to} with {@code subject} in the hub's local sink, once the dispatcher has
   * sent it (it runs soon after a message is recorded). Read from the store itself: the notification log never shows
   * a mail that is a credential, like a password-reset link.
   */
  String sentMailText(String to, String subject) throws InterruptedException {
    io.vertx.ext.mongo.MongoClient client = io.vertx.ext.mongo.MongoClient.create(hub.vertx(), new JsonObject()
        .put("connection_string", mongo.connectionString()).put("db_name", "dovetail"));
    try {
      JsonObject query = new JsonObject().put("to", to).put("subject", subject);
      io.vertx.ext.mongo.FindOptions newest = new io.vertx.ext.mongo.FindOptions()
          .setSort(new JsonObject().put("keptAt", -1)).setLimit(1);
      for (int tries = 0; tries < 150; tries++) {
        List<JsonObject> found = client.findWithOptions("mailSink", query, newest).await();
        if (!found.isEmpty()) {
          return found.get(0).getString("text");
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no mail '" + subject + "' to " + to + " in the sink");
    } finally {
      client.close().await();
    }
  }

  /**
   * Stores a copy of the booking type {@code from} as {@code to}, with {@code changes} merged into its stored document,
   * straight into the store: a type as an earlier configuration of the hub let it be saved, which the API may refuse
   * now (a type paid online on a hub without Stripe).
   */
  void storeTypeCopy(String from, String to, JsonObject changes) {
    io.vertx.ext.mongo.MongoClient client = io.vertx.ext.mongo.MongoClient.create(hub.vertx(), new JsonObject()
        .put("connection_string", mongo.connectionString()).put("db_name", "dovetail"));
    try {
      JsonObject type = client.findOne("bookingTypes", new JsonObject().put("_id", from), null).await();
      client.insert("bookingTypes", type.copy().put("_id", to).mergeIn(changes)).await();
    } finally {
      client.close().await();
    }
  }

  /** An API token of the demo provider, issued through a session log-in like the dashboard's. */
  String demoApiToken() {
    HttpClient withCookies = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    try {
      HttpResponse<String> login = withCookies.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/login")))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("login", "demo")
              .put("password", DEMO_PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      String csrf = new JsonObject(login.body()).getString("csrfToken");
      HttpResponse<String> issued = withCookies.send(HttpRequest.newBuilder(URI.create(url("/api/v1/api-tokens")))
          .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
          .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("label", "browser tests").encode())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
      return new JsonObject(issued.body()).getString("secret");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      hub.stop();
    } finally {
      mongo.close();
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary folder left behind is harmless
      }
    }
  }
}
