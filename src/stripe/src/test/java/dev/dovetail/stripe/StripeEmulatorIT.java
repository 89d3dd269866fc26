package dev.dovetail.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.payment.domain.ChargeLimits;
import dev.dovetail.payment.port.out.PaymentGateway;
import dev.dovetail.stripe.emulator.StripeEmulator;
import dev.dovetail.testkit.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Stripe emulator, driven by stripe-java and StripePaymentGateway")
class StripeEmulatorIT {

  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  private final Vertx vertx = Vertx.vertx();
  private final StripeEmulator stripe = StripeEmulator.start(vertx, "sk_test_e", "pk_test_e", NOW).await();
  private final StripePaymentGateway gateway = new StripePaymentGateway(vertx,
      new StripePaymentGateway.Settings("sk_test_e", "pk_test_e", "whsec_e", stripe.apiBase()), new MutableClock(NOW));
  private final StripeClient client = StripeClient.builder().setApiKey("sk_test_e").setApiBase(stripe.apiBase())
      .build();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private PaymentGateway.Intent paid(String key, boolean manual) throws Exception {
    PaymentGateway.Intent intent = gateway.createIntent("b-" + key, new Money(10_000, "EUR"), manual, key).await();
    client.v1().paymentIntents().confirm(intent.id(),
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
    return gateway.retrieve(intent.id()).await();
  }

  @Test
  @DisplayName("idempotency: a replay returns the saved intent; the same key with other parameters is refused")
  void idempotencyReplayAndMismatch() {
    PaymentGateway.Intent first = gateway.createIntent("b1", new Money(5_000, "EUR"), false, "k1").await();
    PaymentGateway.Intent replay = gateway.createIntent("b1", new Money(5_000, "EUR"), false, "k1").await();
    assertThat(replay.id()).isEqualTo(first.id());
    assertThat(stripe.intentCount()).isEqualTo(1);
    assertThatThrownBy(() -> client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
            .setAmount(6_000L).setCurrency("eur").putMetadata("booking_id", "b1").build(),
        RequestOptions.builder().setIdempotencyKey("k1").build()))
        .isInstanceOf(IdempotencyException.class);
  }

  @Test
  @DisplayName("idempotency: a key whose first request is still executing is a 409 for the second")
  void keyInFlightIsConflict() {
    stripe.holdExecutions();
    StripeClient noRetries = StripeClient.builder().setApiKey("sk_test_e").setApiBase(stripe.apiBase())
        .setMaxNetworkRetries(0).build();
    PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(1_000L).setCurrency("eur")
        .build();
    RequestOptions key = RequestOptions.builder().setIdempotencyKey("slow").build();
    Future<PaymentIntent> first = vertx.executeBlocking(() -> noRetries.v1().paymentIntents().create(params, key));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (stripe.requests().isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThatThrownBy(() -> noRetries.v1().paymentIntents().create(params, key))
        .isInstanceOfSatisfying(com.stripe.exception.StripeException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(409));
    stripe.releaseExecutions();
    assertThat(first.await().getAmount()).isEqualTo(1_000L);
    assertThat(stripe.intentCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("refunds: partial ones add up to the captured amount; one more cent is an over-refund error")
  void partialRefundsAndOverRefund() throws Exception {
    PaymentGateway.Intent intent = paid("r1", false);
    assertThat(intent.status()).isEqualTo(PaymentGateway.Status.SUCCEEDED);
    gateway.refund(intent.id(), 3_000, "ref-a").await();
    gateway.refund(intent.id(), 3_000, "ref-a").await(); // replay: no second refund
    gateway.refund(intent.id(), 7_000, "ref-b").await();
    assertThat(stripe.refunds(intent.id())).extracting(r -> r.getLong("amount")).containsExactly(3_000L, 7_000L);
    assertThatThrownBy(() -> client.v1().refunds().create(RefundCreateParams.builder()
            .setPaymentIntent(intent.id()).setAmount(1L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
    PaymentGateway.Intent other = paid("r2", false);
    assertThatThrownBy(() -> gateway.refund(other.id(), 10_001, "ref-c").await())
        .isInstanceOfSatisfying(StripeGatewayException.class, e -> assertThat(e.code()).isEqualTo("amount_too_large"));
  }

  @Test
  @DisplayName("charge limits: one minor unit under the currency's minimum is amount_too_small, the minimum (the hub's"
      + " ChargeLimits) is accepted; 99,999,999 minor units are accepted, one more is amount_too_large")
  void chargeLimitsPerCurrency() {
    for (String currency : java.util.List.of("USD", "EUR", "GBP", "CHF", "JPY", "HUF", "CZK", "MXN", "SEK")) {
      long minimum = ChargeLimits.minimum(currency).orElseThrow().minorUnits();
      assertThatThrownBy(() -> gateway.createIntent("small-" + currency, new Money(minimum - 1, currency), false,
          "small-" + currency).await()).as(currency)
          .isInstanceOfSatisfying(StripeGatewayException.class, e -> assertThat(e.code()).isEqualTo("amount_too_small"));
      assertThat(gateway.createIntent("min-" + currency, new Money(minimum, currency), false, "min-" + currency)
          .await().amount()).as(currency).isEqualTo(minimum);
    }
    assertThat(gateway.createIntent("max", new Money(ChargeLimits.MAXIMUM_MINOR_UNITS, "EUR"), false, "max").await()
        .amount()).isEqualTo(99_999_999L);
    assertThatThrownBy(() -> gateway.createIntent("over", new Money(100_000_000L, "EUR"), false, "over").await())
        .isInstanceOfSatisfying(StripeGatewayException.class, e -> assertThat(e.code()).isEqualTo("amount_too_large"));
  }

  @Test
  @DisplayName("manual capture: authorized, captured in part; an authorization not captured in 7 days is canceled")
  void manualCaptureAndAuthorizationExpiry() throws Exception {
    PaymentGateway.Intent authorized = paid("m1", true);
    assertThat(authorized.status()).isEqualTo(PaymentGateway.Status.REQUIRES_CAPTURE);
    PaymentGateway.Intent captured = gateway.capture(authorized.id(), 4_000, "cap-1").await();
    assertThat(captured.status()).isEqualTo(PaymentGateway.Status.SUCCEEDED);
    assertThat(captured.received()).isEqualTo(4_000);

    PaymentGateway.Intent waiting = paid("m2", true);
    stripe.advance(Duration.ofDays(7).minusSeconds(1));
    assertThat(gateway.retrieve(waiting.id()).await().status()).isEqualTo(PaymentGateway.Status.REQUIRES_CAPTURE);
    stripe.advance(Duration.ofSeconds(1));
    assertThat(gateway.retrieve(waiting.id()).await().status()).isEqualTo(PaymentGateway.Status.CANCELED);
    assertThatThrownBy(() -> client.v1().paymentIntents().capture(waiting.id(),
        PaymentIntentCaptureParams.builder().build())).isInstanceOf(InvalidRequestException.class);
    assertThat(stripe.events()).anySatisfy(e -> assertThat(e.getString("type")).isEqualTo("payment_intent.canceled"));
  }

  @Test
  @DisplayName("a wrong secret key is a 401; every response carries the pinned API version")
  void authentication() {
    StripeClient wrong = StripeClient.builder().setApiKey("sk_test_wrong").setApiBase(stripe.apiBase()).build();
    assertThatThrownBy(() -> wrong.v1().paymentIntents().retrieve("pi_x"))
        .isInstanceOf(com.stripe.exception.AuthenticationException.class);
    assertThat(stripe.requests()).allSatisfy(r -> assertThat(r.getString("stripeVersion"))
        .isEqualTo(StripePaymentGateway.API_VERSION));
  }

  @Test
  @DisplayName("3-D Secure (pm_card_authenticationRequired): requires_action with use_stripe_sdk, or redirect_to_url"
      + " when a return_url is given; the challenge page's Fail goes back to requires_payment_method"
      + " (payment_intent_authentication_failure, payment_failed), Complete succeeds and redirects back")
  void threeDSecureChallenge() throws Exception {
    PaymentGateway.Intent created = gateway.createIntent("b-3ds", new Money(2_500, "EUR"), false, "k-3ds").await();
    PaymentIntent sdk = client.v1().paymentIntents().confirm(created.id(),
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_authenticationRequired").build());
    assertThat(sdk.getStatus()).isEqualTo("requires_action");
    assertThat(sdk.getNextAction().getType()).isEqualTo("use_stripe_sdk");
    String challenge = stripe.intent(created.id()).getJsonObject("next_action").getJsonObject("use_stripe_sdk")
        .getString("stripe_js");
    assertThat(gateway.retrieve(created.id()).await().status()).as("the customer acts")
        .isEqualTo(PaymentGateway.Status.REQUIRES_PAYMENT);
    HttpClient http = HttpClient.newHttpClient();
    assertThat(http.send(HttpRequest.newBuilder(URI.create(challenge)).build(), BodyHandlers.ofString()).body())
        .contains("emu-3ds-complete").contains("emu-3ds-fail");

    assertThat(answer(http, challenge, "fail").statusCode()).isEqualTo(200);
    PaymentIntent failed = client.v1().paymentIntents().retrieve(created.id());
    assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
    assertThat(failed.getLastPaymentError().getCode()).isEqualTo("payment_intent_authentication_failure");
    assertThat(failed.getNextAction()).isNull();
    assertThat(gateway.retrieve(created.id()).await().failed()).isTrue();
    assertThat(stripe.events()).anySatisfy(e -> assertThat(e.getString("type"))
        .isEqualTo("payment_intent.payment_failed"));
    assertThat(answer(http, challenge, "complete").statusCode()).as("no check is waiting any more").isEqualTo(400);

    PaymentIntent redirect = client.v1().paymentIntents().confirm(created.id(), PaymentIntentConfirmParams.builder()
        .setPaymentMethod("pm_card_authenticationRequired").setReturnUrl("https://hub.example/booked/t?x=1").build());
    assertThat(redirect.getStatus()).isEqualTo("requires_action");
    assertThat(redirect.getLastPaymentError()).as("a new confirmation clears the last error").isNull();
    assertThat(redirect.getNextAction().getType()).isEqualTo("redirect_to_url");
    assertThat(redirect.getNextAction().getRedirectToUrl().getReturnUrl()).isEqualTo("https://hub.example/booked/t?x=1");
    HttpResponse<String> back = answer(http, redirect.getNextAction().getRedirectToUrl().getUrl(), "complete");
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location").orElseThrow()).isEqualTo("https://hub.example/booked/t?x=1"
        + "&payment_intent=" + created.id() + "&payment_intent_client_secret=" + redirect.getClientSecret()
        + "&redirect_status=succeeded");
    assertThat(gateway.retrieve(created.id()).await().status()).isEqualTo(PaymentGateway.Status.SUCCEEDED);
    assertThat(stripe.events()).last().satisfies(e -> assertThat(e.getString("type"))
        .isEqualTo("payment_intent.succeeded"));
    assertThat(http.send(HttpRequest.newBuilder(URI.create(challenge)).build(), BodyHandlers.ofString())
        .statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> answer(HttpClient http, String challenge, String outcome) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(challenge))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("outcome=" + outcome)).build(), BodyHandlers.ofString());
  }
}
