package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.stripe.emulator.StripeEmulator;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every event type an integrator can subscribe to, caused through a real hub the way users cause it (bookings and
 * their payment through the Stripe emulator, the waitlist, a revoked Google grant, a no-show, an unpaid hold running
 * out), arrives at a real HTTP receiver signed, and each signature verifies with the few lines of HMAC below (not the
 * hub's signer). The hub runs on a clock the test moves forward at the end (for the no-show and the expired hold).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@DisplayName("Every webhook event type reaches a real receiver, signed, from a real hub")
class WebhookEventTypesHubIT {

  static final String OWNER = "types-owner@example.com";
  static final String SECRET = "sk_test_types";
  static final String PUBLISHABLE = "pk_test_types";
  static final String STRIPE_HOOK_SECRET = "whsec_types";
  static final Pattern CLAIM = Pattern.compile("/waitlist/claim/(\\S+)");
  static final Set<String> ALL_TYPES = Set.of("booking.created", "booking.confirmed", "booking.rescheduled",
      "booking.cancelled", "booking.expired", "booking.no_show", "payment.succeeded", "payment.refunded",
      "waitlist.offered", "waitlist.claimed", "calendar.connection_broken");

  record Received(String id, String timestamp, String signature, String body) {

    String type() {
      return new JsonObject(body).getString("type");
    }
  }

  /** The hub's clock, moved forward at the end; the emulators keep the real one. */
  static final MovableClock CLOCK = new MovableClock();
  static final Vertx SIDE = Vertx.vertx();
  /** Started before the hub, whose config names their addresses. */
  static final GoogleCalendarEmulator GOOGLE = GoogleCalendarEmulator.start(SIDE, Clock.systemUTC(), 11).await();
  static final StripeEmulator STRIPE = StripeEmulator.start(SIDE, SECRET, PUBLISHABLE, Clock.systemUTC()).await();

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().clock(CLOCK).allowPrivateWebhooks()
      .stripe(STRIPE, SECRET, PUBLISHABLE, STRIPE_HOOK_SECRET).google(GOOGLE)
      .config(c -> c.withSync(AppConfig.Sync.defaults().withTimings(Duration.ofSeconds(2), true).withPushOverHttp()))
      .build();

  final List<Received> received = new CopyOnWriteArrayList<>();
  WebClient client;
  HttpServer receiver;
  DemoSession demo;
  int port;

  @BeforeAll
  void start() {
    GOOGLE.allowHttpAddresses();
    GOOGLE.addUser(OWNER);
    port = HUB.port();
    client = HUB.client();
    receiver = SIDE.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      received.add(new Received(req.getHeader("webhook-id"), req.getHeader("webhook-timestamp"),
          req.getHeader("webhook-signature"), body.toString(StandardCharsets.UTF_8)));
      req.response().setStatusCode(204).end();
    })).listen(0, "127.0.0.1").await();
    demo = DemoSession.login(client, port);
  }

  @AfterAll
  void stop() {
    SIDE.close().await();
  }

  /** Standard Webhooks by hand: HMAC-SHA256 of "id.timestamp.body" under the key after "whsec_", base64. */
  static boolean verifies(String secret, Received r) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] signed = mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
    String expected = "v1," + Base64.getEncoder().encodeToString(signed);
    return List.of(r.signature().split(" ")).contains(expected);
  }

  @Test
  @DisplayName("all eleven event types arrive, each signed verifiably, none carrying a manage token")
  void everyEventTypeArrivesSigned() throws Exception {
    JsonArray all = new JsonArray();
    ALL_TYPES.stream().sorted().forEach(all::add);
    HttpResponse<Buffer> created = demo.send("POST", "/api/v1/webhook-endpoints", new JsonObject()
        .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/events").put("events", all));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String secret = created.bodyAsJsonObject().getString("secret");
    connectGoogle();
    assertThat(demo.send("POST", "/api/v1/booking-types", new JsonObject()
        .put("id", "paid-types").put("resourceId", "demo-room").put("name", "Paid")
        .put("durationsMinutes", new JsonArray().add(30))
        .put("price", new JsonObject().put("amountMinor", 4_000).put("currency", "EUR")).put("payment", "FULL")
        .put("cancellationPolicy", new JsonArray().add(new JsonObject().put("noticeHours", 0)
            .put("refundPercent", 50)))).statusCode()).isEqualTo(201);
    List<String> tokens = new CopyOnWriteArrayList<>();

    // booking.created, payment.succeeded, booking.confirmed: a paid booking, paid like the confirmation page does.
    List<String> paidStarts = HUB.freeStarts("paid-types");
    JsonObject paid = book("paid-types", paidStarts.get(0), "payer@example.com", tokens);
    pay(tokens.get(0));
    String paidId = paid.getJsonObject("booking").getString("id");

    // booking.rescheduled, booking.cancelled, waitlist.offered, waitlist.claimed: a free booking moved, a customer
    // waiting for its new time, the booking cancelled, the offer claimed.
    List<String> free = HUB.freeStarts("demo-30");
    book("demo-30", free.get(2), "alice@example.com", tokens);
    String alice = tokens.get(1);
    HttpResponse<Buffer> moved = client.post(port, "127.0.0.1", "/api/v1/public/bookings/" + alice + "/reschedule")
        .sendJsonObject(new JsonObject().put("start", free.get(4))).await();
    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> joined = client.post(port, "127.0.0.1", "/api/v1/public/booking-types/demo-30/waitlist")
        .sendJsonObject(new JsonObject().put("name", "Carol").put("email", "carol@example.com")
            .put("timeZone", "Europe/Berlin").put("start", free.get(4))).await();
    assertThat(joined.statusCode()).as(joined.bodyAsString()).isEqualTo(201);
    assertThat(client.post(port, "127.0.0.1", "/api/v1/public/bookings/" + alice + "/cancel")
        .sendJsonObject(new JsonObject().put("reason", "Moved away")).await().statusCode()).isEqualTo(200);
    String claimToken = awaitClaimLink("carol@example.com");
    HttpResponse<Buffer> claimed = client.post(port, "127.0.0.1", "/api/v1/public/waitlist/claim/" + claimToken)
        .send().await();
    assertThat(claimed.statusCode()).as(claimed.bodyAsString()).isEqualTo(201);
    tokens.add(claimed.bodyAsJsonObject().getString("manageToken"));

    // calendar.connection_broken: the provider's Google grant is revoked.
    GOOGLE.revoke(OWNER);
    waitUntil(() -> types().contains("calendar.connection_broken"), "the broken connection is pushed");

    // booking.expired: a paid hold nobody pays; booking.no_show and payment.refunded: the paid booking's customer
    // did not come. Both need the hub's time past the bookings' starts.
    List<String> latest = HUB.freeStarts("paid-types");
    book("paid-types", latest.get(latest.size() - 1), "never-pays@example.com", tokens);
    CLOCK.advance(Duration.ofDays(40));
    demo = DemoSession.login(client, port);
    HttpResponse<Buffer> noShow = demo.send("POST", "/api/v1/bookings/" + paidId + "/no-show", null);
    assertThat(noShow.statusCode()).as(noShow.bodyAsString()).isEqualTo(200);
    waitUntil(() -> types().containsAll(ALL_TYPES), "every type arrives (the janitor expires holds each minute)");

    Map<String, Received> byId = new TreeMap<>();
    received.forEach(r -> byId.putIfAbsent(r.id(), r));
    for (Received r : byId.values()) {
      assertThat(verifies(secret, r)).as("signature of " + r.type()).isTrue();
      assertThat(new JsonObject(r.body()).getString("id")).isEqualTo(r.id());
      tokens.forEach(token -> assertThat(r.body()).doesNotContain(token));
    }
    assertThat(byId.values().stream().map(Received::type).collect(Collectors.toSet())).isEqualTo(ALL_TYPES);
    JsonObject noShowEvent = new JsonObject(byId.values().stream().filter(r -> r.type().equals("booking.no_show"))
        .findFirst().orElseThrow().body());
    assertThat(noShowEvent.getJsonObject("data").getString("id")).isEqualTo(paidId);
    JsonObject refund = new JsonObject(byId.values().stream().filter(r -> r.type().equals("payment.refunded"))
        .findFirst().orElseThrow().body());
    assertThat(refund.getJsonObject("data").getString("bookingId")).isEqualTo(paidId);
    assertThat(refund.getJsonObject("data").getJsonObject("refunded").getLong("amountMinor")).isEqualTo(2_000);
    JsonObject cancelledEvent = new JsonObject(byId.values().stream()
        .filter(r -> r.type().equals("booking.cancelled") && r.body().contains("Moved away")).findFirst()
        .orElseThrow().body());
    assertThat(cancelledEvent.getJsonObject("data").getString("cancellationReason")).as("the customer's reason")
        .isEqualTo("Moved away");
  }

  Set<String> types() {
    return received.stream().map(Received::type).collect(Collectors.toSet());
  }

  JsonObject book(String type, String start, String email, List<String> tokens) {
    HttpResponse<Buffer> booked = HubFixture.book(client, port, type, start, email).await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    tokens.add(booked.bodyAsJsonObject().getString("manageToken"));
    return booked.bodyAsJsonObject();
  }

  /** Starts the held booking's payment and confirms it the way Stripe.js does; waits until it is confirmed. */
  void pay(String manageToken) {
    JsonObject checkout = client.post(port, "127.0.0.1", "/api/v1/public/bookings/" + manageToken + "/payment")
        .send().await().bodyAsJsonObject();
    String clientSecret = checkout.getString("clientSecret");
    assertThat(clientSecret).as(checkout.encode()).isNotNull();
    String intent = clientSecret.substring(0, clientSecret.indexOf("_secret_"));
    HttpResponse<Buffer> paid = client.postAbs(STRIPE.apiBase() + "/v1/payment_intents/" + intent + "/confirm")
        .putHeader("Authorization", "Bearer " + PUBLISHABLE)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("client_secret", clientSecret)
            .add("payment_method", "pm_card_visa")).await();
    assertThat(paid.bodyAsJsonObject().getString("status")).isEqualTo("succeeded");
    waitUntil(() -> "CONFIRMED".equals(client.get(port, "127.0.0.1", "/api/v1/public/bookings/" + manageToken)
        .send().await().bodyAsJsonObject().getJsonObject("booking").getString("status")), "the payment confirms");
  }

  /** The claim link of the waitlist offer mail to {@code email}, from the notification log. */
  String awaitClaimLink(String email) {
    String[] link = new String[1];
    waitUntil(() -> {
      for (Object o : demo.send("GET", "/api/v1/notifications?limit=200", null).bodyAsJsonObject()
          .getJsonArray("items")) {
        JsonObject n = (JsonObject) o;
        if (n.getString("kind").equals("WAITLIST_OFFER") && n.getString("recipient").equals(email)
            && n.getString("state").equals("SENT")) {
          String text = demo.send("GET", "/api/v1/notifications/" + n.getString("id"), null).bodyAsJsonObject()
              .getJsonObject("content").getString("text");
          Matcher m = CLAIM.matcher(text);
          if (m.find()) {
            link[0] = m.group(1);
            return true;
          }
        }
      }
      return false;
    }, "the offer mail is composed");
    return link[0];
  }

  /** The browser's round trip hub → Google consent → hub callback, then the provider's calendar choice. */
  void connectGoogle() {
    GOOGLE.consentAs(OWNER);
    HttpResponse<Buffer> start = client.get(port, "127.0.0.1", "/api/v1/calendar-connections/google/connect")
        .followRedirects(false).putHeader("Cookie", demo.cookie()).send().await();
    assertThat(start.statusCode()).as(start.bodyAsString()).isEqualTo(302);
    HttpResponse<Buffer> granted = client.getAbs(start.getHeader("Location")).followRedirects(false).send().await();
    HttpResponse<Buffer> done = client.getAbs(granted.getHeader("Location")).followRedirects(false)
        .putHeader("Cookie", DemoSession.nonceCookie(start)).send().await();
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> chosen = demo.send("PUT", "/api/v1/calendar-connections/google", new JsonObject()
        .put("blocking", new JsonArray().add(new JsonObject().put("calendarId", OWNER)
            .put("resourceIds", new JsonArray().add("demo-room"))))
        .put("targetCalendarId", OWNER).put("whenUnreachable", "ACCEPT_LAST_SYNCED"));
    assertThat(chosen.statusCode()).as(chosen.bodyAsString()).isBetween(200, 299);
  }

  /** Polls every 100 ms (a Vert.x timer) for up to 150 s: the janitor that expires holds runs once a minute. */
  void waitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("not within 150 s: " + what + "; received " + types()).isTrue();
      SIDE.timer(100).await();
    }
  }
}
