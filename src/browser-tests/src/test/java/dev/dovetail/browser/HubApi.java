package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.app.AppConfig;
import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a browser test does "behind the browser's back" against its hub: booking a slot first, checking the store
 * through the API, reading the mail sink. "Now" and "today" are the hub's ({@link HubClock}), never this machine's,
 * in the tests as in the pages. It talks to the hub of a {@link HubExtension}, which {@link #browserHub()} builds as
 * the browser tests want it.
 */
final class HubApi {

  private final HubExtension hub;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HubApi(HubExtension hub) {
    this.hub = hub;
  }

  /**
   * The hub of a browser test: the demo tenant on a {@link HubClock} at {@value HubClock#PROPERTY} (or its default
   * start), sign-up closed as on a production store; one fresh hub a test class, so tests never see each other's
   * bookings.
   */
  static HubExtension.Builder browserHub() {
    return browserHub(HubClock.fromProperty());
  }

  /** As above, on {@code clock}: the one the emulators this hub talks to run on too. */
  static HubExtension.Builder browserHub(HubClock clock) {
    return HubExtension.builder().clock(clock).signUp(SignUpMode.CLOSED);
  }

  /**
   * The calendar concerns of a hub (Google, Outlook, sync) as these environment variables set them: what a test of
   * the connect pages names the way an operator would.
   */
  static UnaryOperator<AppConfig> calendarsFrom(JsonObject env) {
    AppConfig read = AppConfig.from(env);
    return c -> c.withGoogle(read.google()).withOutlook(read.outlook()).withSync(read.sync());
  }

  /** The API of the hub {@code hub} started (read when called, so it may be made before the hub starts). */
  static HubApi on(HubExtension hub) {
    return new HubApi(hub);
  }

  String url(String path) {
    return hub.url(path);
  }

  HubClock clock() {
    return (HubClock) hub.clock();
  }

  /** The hub's now. */
  Instant now() {
    return clock().instant();
  }

  /** The hub's today in a zone. */
  LocalDate today(ZoneId zone) {
    return LocalDate.now(clock().withZone(zone));
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
  String sentMailText(String to, String subject) {
    return hub.sentMailText(to, subject);
  }

  /**
   * Stores a copy of the booking type {@code from} as {@code to}, with {@code changes} merged into its stored document,
   * straight into the store: a type as an earlier configuration of the hub let it be saved, which the API may refuse
   * now (a type paid online on a hub without Stripe).
   */
  void storeTypeCopy(String from, String to, JsonObject changes) {
    MongoClient client = MongoClient.create(hub.clientVertx(), new JsonObject()
        .put("connection_string", hub.mongoUri()).put("db_name", hub.config().store().database()));
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
              .put("password", HubExtension.DEMO_PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
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
}
