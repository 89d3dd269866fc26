package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.account.domain.SignUpMode;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AppConfig: the security settings (issue 15)")
class SecurityConfigTest {

  @Test
  @DisplayName("DOVETAIL_TRUSTED_PROXIES lists CIDR blocks; a malformed one stops the start, naming it")
  void trustedProxies() {
    assertThat(AppConfig.from(new JsonObject()).security().trustedProxies()).isEmpty();
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_TRUSTED_PROXIES", " 172.16.0.0/12, ::1 "))
        .security().trustedProxies()).containsExactly("172.16.0.0/12", "::1");
    assertThatThrownBy(() -> AppConfig.from(new JsonObject().put("DOVETAIL_TRUSTED_PROXIES", "nginx")))
        .hasMessageContaining("DOVETAIL_TRUSTED_PROXIES").hasMessageContaining("nginx");
  }

  @Test
  @DisplayName("the old boolean DOVETAIL_TRUST_PROXY=true is refused with a pointer to DOVETAIL_TRUSTED_PROXIES")
  void oldTrustProxyIsRefused() {
    assertThatThrownBy(() -> AppConfig.from(new JsonObject().put("DOVETAIL_TRUST_PROXY", "true")))
        .hasMessageContaining("DOVETAIL_TRUSTED_PROXIES");
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_TRUST_PROXY", "false")).security().trustedProxies()).isEmpty();
  }

  @Test
  @DisplayName("Secure cookies and HSTS follow an https DOVETAIL_PUBLIC_URL unless turned off explicitly")
  void secureCookiesFollowThePublicUrl() {
    assertThat(AppConfig.from(new JsonObject()).security().secureCookies()).isFalse();
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_PUBLIC_URL", "https://book.example.com"))
        .security().secureCookies()).isTrue();
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_PUBLIC_URL", "HTTPS://book.example.com"))
        .security().secureCookies()).isTrue();
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_PUBLIC_URL", "https://book.example.com")
        .put("DOVETAIL_SECURE_COOKIES", "false")).security().secureCookies()).isFalse();
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_SECURE_COOKIES", "true")).security().secureCookies()).isTrue();
  }

  @Test
  @DisplayName("toString never prints the secret key, the demo password, the MongoDB URI or any integration secret")
  void toStringHidesSecrets() {
    String text = AppConfig.from(new JsonObject()
        .put("DOVETAIL_SECRET_KEY", "c2VjcmV0LWtleS1zZWNyZXQta2V5LXNlY3JldC1rZXktMzI=")
        .put("DOVETAIL_DEMO_PASSWORD", "demo-password-12")
        .put("DOVETAIL_MONGO_URI", "mongodb://hub:mongo-pass@m1/?replicaSet=rs0")
        .put("DOVETAIL_SMTP_HOST", "smtp.example.com").put("DOVETAIL_SMTP_PASSWORD", "smtp-pass")
        .put("DOVETAIL_STRIPE_SECRET_KEY", "sk_test_stripe").put("DOVETAIL_STRIPE_PUBLISHABLE_KEY", "pk_test_x")
        .put("DOVETAIL_STRIPE_WEBHOOK_SECRET", "whsec_hook")
        .put("DOVETAIL_GOOGLE_CLIENT_ID", "gid").put("DOVETAIL_GOOGLE_CLIENT_SECRET", "google-secret")
        .put("DOVETAIL_MS_CLIENT_ID", "msid").put("DOVETAIL_MS_CLIENT_SECRET", "ms-secret")).toString();
    for (String secret : List.of("c2VjcmV0", "demo-password-12", "mongo-pass", "smtp-pass", "sk_test_stripe",
        "whsec_hook", "google-secret", "ms-secret")) {
      assertThat(text).doesNotContain(secret);
    }
    assertThat(text).contains("secretKey=(set)").contains("smtp.example.com");
  }

  @Test
  @DisplayName("DOVETAIL_SIGNUP: open on the embedded demo, closed on a real store or without demo data, or as set")
  void signUpMode() {
    assertThat(AppConfig.from(new JsonObject()).security().signUp()).isEqualTo(SignUpMode.OPEN);
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_DEMO_DATA", "false")).security().signUp())
        .isEqualTo(SignUpMode.CLOSED);
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_MONGO_URI", "mongodb://m1")).security().signUp())
        .isEqualTo(SignUpMode.CLOSED);
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_MONGO_URI", "mongodb://m1")
        .put("DOVETAIL_SIGNUP", "Invite")).security().signUp()).isEqualTo(SignUpMode.INVITE);
    assertThatThrownBy(() -> AppConfig.from(new JsonObject().put("DOVETAIL_SIGNUP", "sometimes")))
        .hasMessageContaining("DOVETAIL_SIGNUP");
  }
}
