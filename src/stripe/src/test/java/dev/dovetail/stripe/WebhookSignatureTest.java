package dev.dovetail.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import dev.dovetail.payment.domain.InvalidSignatureException;
import dev.dovetail.payment.port.out.PaymentGateway;
import dev.dovetail.testkit.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StripePaymentGateway.verify: webhook signatures on the raw body")
class WebhookSignatureTest {

  private static final String SECRET = "whsec_test_secret";
  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock(NOW);
  private final StripePaymentGateway gateway = new StripePaymentGateway(vertx,
      new StripePaymentGateway.Settings("sk_test_x", "pk_test_x", SECRET, "http://127.0.0.1:9"), clock);

  /** Pretty-printed, with non-ASCII text: the exact bytes are what is signed. */
  private static final String BODY = new JsonObject()
      .put("id", "evt_1").put("object", "event").put("api_version", StripePaymentGateway.API_VERSION)
      .put("type", "payment_intent.succeeded").put("created", NOW.getEpochSecond())
      .put("data", new JsonObject().put("object", new JsonObject().put("id", "pi_1").put("object", "payment_intent")
          .put("description", "Séance für Zoë – 30 min ☕").put("metadata", new JsonObject().put("booking_id", "b1"))))
      .encodePrettily();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static String sign(String body, String secret, long t) throws Exception {
    return Webhook.Signature.generateSignatureHeader(body, secret, t);
  }

  @Test
  @DisplayName("a valid signature over a body with non-ASCII text and whitespace verifies and names the intent")
  void validSignatureVerifies() throws Exception {
    PaymentGateway.Event event = gateway.verify(BODY, sign(BODY, SECRET, NOW.getEpochSecond()));
    assertThat(event).isEqualTo(new PaymentGateway.Event("evt_1", "payment_intent.succeeded", "pi_1"));
  }

  @Test
  @DisplayName("the same event re-encoded (not the raw bytes) fails, as does any changed byte")
  void reencodedBodyFails() throws Exception {
    String header = sign(BODY, SECRET, NOW.getEpochSecond());
    assertThatThrownBy(() -> gateway.verify(new JsonObject(BODY).encode(), header))
        .isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> gateway.verify(BODY.replace("Zoë", "Zoe"), header))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  @DisplayName("a signature made with another secret, or none at all, fails")
  void wrongSecretFails() throws Exception {
    assertThatThrownBy(() -> gateway.verify(BODY, sign(BODY, "whsec_other", NOW.getEpochSecond())))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("does not verify");
    assertThatThrownBy(() -> gateway.verify(BODY, null)).isInstanceOf(InvalidSignatureException.class);
    assertThatThrownBy(() -> gateway.verify(BODY, "garbage")).isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  @DisplayName("a timestamp more than 300 s old fails; 300 s passes; during a rotation either v1 may match")
  void staleTimestampFailsAndRotationPasses() throws Exception {
    long t = NOW.getEpochSecond();
    assertThatThrownBy(() -> gateway.verify(BODY, sign(BODY, SECRET, t - 301)))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("tolerance");
    assertThat(gateway.verify(BODY, sign(BODY, SECRET, t - 300)).id()).isEqualTo("evt_1");
    String old = sign(BODY, "whsec_retired", t);
    String current = sign(BODY, SECRET, t);
    String both = old + ",v1=" + current.substring(current.indexOf("v1=") + 3);
    assertThat(gateway.verify(BODY, both).intentId()).isEqualTo("pi_1");
  }

  @Test
  @DisplayName("refund and charge events name their payment intent; other events name none")
  void intentOfOtherObjects() {
    assertThat(StripePaymentGateway.intentIdOf("{\"object\":\"charge\",\"id\":\"ch_1\",\"payment_intent\":\"pi_9\"}"))
        .isEqualTo("pi_9");
    assertThat(StripePaymentGateway.intentIdOf("{\"object\":\"customer\",\"id\":\"cus_1\"}")).isNull();
  }
}
