package dev.dovetail.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Signature signs by the Standard Webhooks convention")
class SignatureTest {

  static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

  @Test
  @DisplayName("matches the Standard Webhooks reference vector")
  void referenceVector() {
    SigningSecret secret = new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", NOW, null);
    assertThat(Signature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  @DisplayName("during a rotation's grace both secrets sign; after it only the new one")
  void rotationSignsWithBothDuringGrace() {
    SigningSecret old = SigningSecret.generate(NOW);
    WebhookEndpoint endpoint = new WebhookEndpoint("e1", "acme", "https://example.com/h",
        java.util.Set.of(EventType.BOOKING_CREATED), null, true, List.of(old), null, null, NOW);
    WebhookEndpoint rotated = endpoint.rotated(SigningSecret.generate(NOW), NOW, Duration.ofHours(24));
    var during = Signature.headers(rotated.secrets(), "evt_1", NOW.plusSeconds(60), "{}");
    assertThat(during.get(Signature.SIGNATURE_HEADER).split(" ")).hasSize(2)
        .contains(Signature.sign(old, "evt_1", NOW.plusSeconds(60).getEpochSecond(), "{}"));
    var after = Signature.headers(rotated.secrets(), "evt_1", NOW.plus(Duration.ofHours(24)), "{}");
    assertThat(after.get(Signature.SIGNATURE_HEADER).split(" ")).hasSize(1);
    assertThat(after.get(Signature.TIMESTAMP_HEADER)).isEqualTo(Long.toString(NOW.getEpochSecond() + 86400));
  }

  @Test
  @DisplayName("secrets are whsec_ and base64 of 24 bytes")
  void secretForm() {
    SigningSecret secret = SigningSecret.generate(NOW);
    assertThat(secret.value()).startsWith("whsec_");
    assertThat(secret.key()).hasSize(24);
  }
}
