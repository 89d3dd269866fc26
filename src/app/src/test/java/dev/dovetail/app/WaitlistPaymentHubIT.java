package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.stripe.emulator.StripeEmulator;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A waitlist offer of a paid type through a hub configured for Stripe (the emulator): the claim hands over the held
 * booking, the customer pays it like the confirmation page does, the webhook confirms it, and it counts as recovered.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("Waitlist offer of a paid type: claim -> pay through Stripe -> booked and recovered")
class WaitlistPaymentHubIT {

  private static final String PUBLISHABLE = HubExtension.STRIPE_PUBLISHABLE_KEY;
  private static final Pattern CLAIM = Pattern.compile("/waitlist/claim/(\\S+)");

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().stripeEmulator().build();

  @Test
  @DisplayName("the freed paid slot is offered, claimed, paid with the client secret, confirmed by the webhook")
  void paidOfferIsClaimedAndPaid() {
    WebClient client = HUB.client();
    StripeEmulator stripe = HUB.stripe();
    int port = HUB.port();
    String cookie = login(client, port);
    HttpResponse<Buffer> type = client.post(port, "127.0.0.1", "/api/v1/booking-types").putHeader("Cookie", cookie)
        .putHeader("X-CSRF-Token", csrf).sendJsonObject(new JsonObject()
            .put("id", "paid-full").put("resourceId", "demo-room").put("name", "Prepaid")
            .put("durationsMinutes", new JsonArray().add(30))
            .put("price", new JsonObject().put("amountMinor", 5_000).put("currency", "EUR"))
            .put("payment", "FULL")).await();
    assertThat(type.statusCode()).as(type.bodyAsString()).isEqualTo(201);

    String start = HUB.freeStarts("paid-full").get(0);
    String aliceToken = HubFixture.book(client, port, "paid-full", start, "alice@example.com").await()
        .bodyAsJsonObject().getString("manageToken");
    pay(client, port, stripe, aliceToken);
    HttpResponse<Buffer> joined = client.post(port, "127.0.0.1", "/api/v1/public/booking-types/paid-full/waitlist")
        .sendJsonObject(new JsonObject().put("name", "Carol").put("email", "carol@example.com")
            .put("timeZone", "Europe/Berlin").put("start", start)).await();
    assertThat(joined.statusCode()).as(joined.bodyAsString()).isEqualTo(201);

    assertThat(client.post(port, "127.0.0.1", "/api/v1/public/bookings/" + aliceToken + "/cancel").send().await()
        .statusCode()).isEqualTo(200);
    JsonObject offer = poll(client, port, cookie, "/api/v1/notifications?limit=200", page -> page
        .getJsonArray("items").stream().map(JsonObject.class::cast).anyMatch(n -> isOfferTo(n, "carol@example.com")))
        .getJsonArray("items").stream().map(JsonObject.class::cast).filter(n -> isOfferTo(n, "carol@example.com"))
        .findFirst().orElseThrow();
    String text = client.get(port, "127.0.0.1", "/api/v1/notifications/" + offer.getString("id"))
        .putHeader("Cookie", cookie).send().await().bodyAsJsonObject().getJsonObject("content").getString("text");
    Matcher link = CLAIM.matcher(text);
    assertThat(link.find()).as(text).isTrue();

    HttpResponse<Buffer> claimed = client.post(port, "127.0.0.1", "/api/v1/public/waitlist/claim/" + link.group(1))
        .send().await();
    assertThat(claimed.statusCode()).as(claimed.bodyAsString()).isEqualTo(201);
    assertThat(claimed.bodyAsJsonObject().getJsonObject("booking").getString("status")).isEqualTo("HELD");
    pay(client, port, stripe, claimed.bodyAsJsonObject().getString("manageToken"));

    JsonObject again = client.post(port, "127.0.0.1", "/api/v1/public/waitlist/claim/" + link.group(1)).send()
        .await().bodyAsJsonObject();
    assertThat(again.getJsonObject("booking").getString("status")).isEqualTo("CONFIRMED");
    assertThat(again.getJsonObject("booking").getString("customerEmail")).isEqualTo("carol@example.com");
    JsonObject report = client.get(port, "127.0.0.1", "/api/v1/waitlist/report").putHeader("Cookie", cookie)
        .send().await().bodyAsJsonObject();
    assertThat(report.getInteger("recoveredBookings")).isEqualTo(1);
    assertThat(report.getJsonArray("recoveredValue").getJsonObject(0).getLong("amountMinor")).isEqualTo(5_000);
  }

  private String csrf;

  private String login(WebClient client, int port) {
    DemoSession session = DemoSession.login(client, port);
    csrf = session.csrf();
    return session.cookie();
  }

  private static boolean isOfferTo(JsonObject n, String email) {
    return n.getString("kind").equals("WAITLIST_OFFER") && n.getString("recipient").equals(email)
        && n.getString("state").equals("SENT");
  }

  /** Starts the held booking's payment and confirms it the way Stripe.js does; waits until the booking is confirmed. */
  private static void pay(WebClient client, int port, StripeEmulator stripe, String manageToken) {
    JsonObject checkout = client.post(port, "127.0.0.1", "/api/v1/public/bookings/" + manageToken + "/payment")
        .send().await().bodyAsJsonObject();
    String secret = checkout.getString("clientSecret");
    assertThat(secret).as(checkout.encode()).isNotNull();
    String intent = secret.substring(0, secret.indexOf("_secret_"));
    HttpResponse<Buffer> paid = client.postAbs(stripe.apiBase() + "/v1/payment_intents/" + intent + "/confirm")
        .putHeader("Authorization", "Bearer " + PUBLISHABLE)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("client_secret", secret)
            .add("payment_method", "pm_card_visa")).await();
    assertThat(paid.bodyAsJsonObject().getString("status")).isEqualTo("succeeded");
    poll(client, port, null, "/api/v1/public/bookings/" + manageToken,
        b -> "CONFIRMED".equals(b.getJsonObject("booking").getString("status")));
  }

  /** GETs {@code path} until the JSON answer matches, at most 10 s, paced by a round trip. */
  private static JsonObject poll(WebClient client, int port, String cookie, String path, Predicate<JsonObject> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      var request = client.get(port, "127.0.0.1", path);
      if (cookie != null) {
        request.putHeader("Cookie", cookie);
      }
      last = request.send().await().bodyAsJsonObject();
      if (done.test(last)) {
        return last;
      }
      client.get(port, "127.0.0.1", "/health").send().await();
    }
    throw new AssertionError("not reached within 10 s: " + path + " " + last);
  }
}
