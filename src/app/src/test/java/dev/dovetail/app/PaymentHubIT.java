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
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real hub configured for Stripe (DOVETAIL_STRIPE_* pointing at the emulator, webhooks to its /hooks/stripe), driven
 * over HTTP like the booking page does: book a deposit type (a hold), start the payment, confirm it the way Stripe.js
 * does (publishable key and client secret), the webhook confirms the booking; cancelling refunds per the policy.
 */
@DisplayName("Payments through a running hub and the Stripe emulator")
class PaymentHubIT {

  private static final String PUBLISHABLE = HubExtension.STRIPE_PUBLISHABLE_KEY;

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().stripeEmulator().build();

  @Test
  @DisplayName("deposit booking: hold, pay with the client secret, webhook confirms; cancel refunds by the policy")
  void depositBookingIsConfirmedByPaymentAndRefundedOnCancel() {
    WebClient client = HUB.client();
    StripeEmulator stripe = HUB.stripe();
    int port = HUB.port();
    DemoSession demo = DemoSession.login(client, port);
    HttpResponse<Buffer> type = demo.send("POST", "/api/v1/booking-types", new JsonObject()
        .put("id", "paid-consult").put("resourceId", "demo-room").put("name", "Paid consultation")
        .put("durationsMinutes", new JsonArray().add(30))
        .put("price", new JsonObject().put("amountMinor", 5_000).put("currency", "EUR"))
        .put("payment", "DEPOSIT")
        .put("cancellationPolicy", new JsonArray().add(new JsonObject().put("noticeHours", 0)
            .put("refundPercent", 50))));
    assertThat(type.statusCode()).as(type.bodyAsString()).isEqualTo(201);
    HttpResponse<Buffer> settings = demo.send("PUT", "/api/v1/booking-types/paid-consult/payment-settings",
        new JsonObject().put("depositPercent", 40).put("manualCapture", false));
    assertThat(settings.bodyAsJsonObject()).isEqualTo(new JsonObject().put("manualCapture", false)
        .put("depositPercent", 40).put("onPaymentFailure", "RELEASE"));

    List<String> starts = HUB.freeStarts("paid-consult");
    HttpResponse<Buffer> booked = HubFixture.book(client, port, "paid-consult", starts.get(3), "payer@example.com")
        .await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    assertThat(booked.bodyAsJsonObject().getJsonObject("booking").getString("status")).isEqualTo("HELD");
    String token = booked.bodyAsJsonObject().getString("manageToken");
    String bookingId = booked.bodyAsJsonObject().getJsonObject("booking").getString("id");

    JsonObject checkout = client.post(port, "127.0.0.1", "/api/v1/public/bookings/" + token + "/payment")
        .send().await().bodyAsJsonObject();
    assertThat(checkout.getString("publishableKey")).isEqualTo(PUBLISHABLE);
    assertThat(checkout.getString("scriptUrl")).isEqualTo(stripe.apiBase() + "/v3/");
    // The confirmation page, where the payment step runs, may load Stripe.js and call the Stripe API; others not.
    assertThat(client.get(port, "127.0.0.1", "/booked/" + token).send().await().getHeader("Content-Security-Policy"))
        .startsWith("default-src 'self'; frame-ancestors 'none'; script-src 'self' " + stripe.apiBase())
        .contains("connect-src 'self' " + stripe.apiBase());
    assertThat(client.get(port, "127.0.0.1", "/manage/" + token).send().await().getHeader("Content-Security-Policy"))
        .isEqualTo("default-src 'self'; frame-ancestors 'none'");
    assertThat(checkout.getJsonObject("payment").getJsonObject("amount").getLong("amountMinor")).isEqualTo(2_000);
    String secret = checkout.getString("clientSecret");
    String intent = secret.substring(0, secret.indexOf("_secret_"));

    // What Stripe.js does in the browser: confirm with the publishable key and the client secret.
    HttpResponse<Buffer> paid = client.postAbs(stripe.apiBase() + "/v1/payment_intents/" + intent + "/confirm")
        .putHeader("Authorization", "Bearer " + PUBLISHABLE)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("client_secret", secret)
            .add("payment_method", "pm_card_visa")).await();
    assertThat(paid.bodyAsJsonObject().getString("status")).isEqualTo("succeeded");

    poll(client, port, "/api/v1/public/bookings/" + token, b -> "CONFIRMED".equals(
        b.getJsonObject("booking").getString("status")));
    JsonObject payment = poll(client, port, "/api/v1/public/bookings/" + token + "/payment",
        p -> "PAID".equals(p.getJsonObject("payment").getString("state")));
    assertThat(payment.getJsonObject("refundIfCancelledNow").getJsonObject("refund").getLong("amountMinor"))
        .isEqualTo(1_000);
    assertThat(demo.send("GET", "/api/v1/bookings/" + bookingId + "/payment", null).bodyAsJsonObject()
        .getJsonObject("payment").getString("state")).isEqualTo("PAID");

    HttpResponse<Buffer> cancelled = client.post(port, "127.0.0.1", "/api/v1/public/bookings/" + token + "/cancel")
        .send().await();
    assertThat(cancelled.statusCode()).as(cancelled.bodyAsString()).isEqualTo(200);
    poll(client, port, "/api/v1/public/bookings/" + token + "/payment",
        p -> p.getJsonObject("payment").getJsonObject("refunded").getLong("amountMinor") == 1_000);
    assertThat(stripe.refunds(intent)).extracting(r -> r.getLong("amount")).containsExactly(1_000L);

    HttpResponse<Buffer> forged = client.post(port, "127.0.0.1", "/hooks/stripe")
        .putHeader("Stripe-Signature", "t=1,v1=00").sendBuffer(Buffer.buffer("{\"id\":\"evt_x\"}")).await();
    assertThat(forged.statusCode()).isEqualTo(400);
  }

  /** GETs {@code path} every 50 ms (Vert.x timers) until the JSON answer matches, at most 10 s. */
  private static JsonObject poll(WebClient client, int port, String path, Predicate<JsonObject> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      last = client.get(port, "127.0.0.1", path).send().await().bodyAsJsonObject();
      if (done.test(last)) {
        return last;
      }
      client.get(port, "127.0.0.1", "/health").send().await(); // pace the loop by a round trip
    }
    throw new AssertionError("not reached within 10 s: " + path + " " + last);
  }
}
