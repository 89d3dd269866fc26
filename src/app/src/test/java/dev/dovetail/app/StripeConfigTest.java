package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AppConfig: DOVETAIL_STRIPE_*")
class StripeConfigTest {

  @Test
  @DisplayName("no secret key: payments off, Stripe.js from js.stripe.com; toString never shows a key")
  void offByDefault() {
    AppConfig.Stripe stripe = AppConfig.from(new JsonObject()).stripe();
    assertThat(stripe.enabled()).isFalse();
    assertThat(stripe.jsUrl()).isEqualTo("https://js.stripe.com/v3/");
    AppConfig.Stripe on = AppConfig.from(new JsonObject().put("DOVETAIL_STRIPE_SECRET_KEY", "sk_test_secret")
        .put("DOVETAIL_STRIPE_PUBLISHABLE_KEY", "pk_test_p").put("DOVETAIL_STRIPE_WEBHOOK_SECRET", "whsec_w")
        .put("DOVETAIL_STRIPE_API_BASE", "http://127.0.0.1:12111")).stripe();
    assertThat(on.enabled()).isTrue();
    assertThat(on.apiBase()).isEqualTo("http://127.0.0.1:12111");
    assertThat(on.toString()).doesNotContain("sk_test_secret", "whsec_w");
  }

  @Test
  @DisplayName("a secret key without the webhook secret or the publishable key is refused at start")
  void incompleteKeysAreRefused() {
    assertThatThrownBy(() -> AppConfig.from(new JsonObject().put("DOVETAIL_STRIPE_SECRET_KEY", "sk_test_x")
        .put("DOVETAIL_STRIPE_PUBLISHABLE_KEY", "pk_test_p")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOVETAIL_STRIPE_WEBHOOK_SECRET");
  }
}
