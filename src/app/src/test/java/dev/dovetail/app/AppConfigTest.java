package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.infra.mail.SmtpMailer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AppConfig reads the mail settings from the environment")
class AppConfigTest {

  @Test
  @DisplayName("no DOVETAIL_SMTP_HOST: the local sink; with it: host, port by TLS mode, auth and sender")
  void mailSettings() {
    AppConfig.Mail sink = AppConfig.from(new JsonObject()).mail();
    assertThat(sink.smtpEnabled()).isFalse();
    assertThat(sink.from()).isEqualTo(AppConfig.Mail.DEFAULT_FROM);

    AppConfig.Mail smtp = AppConfig.from(new JsonObject()
        .put("DOVETAIL_SMTP_HOST", "smtp.example.com").put("DOVETAIL_SMTP_TLS", "TLS")
        .put("DOVETAIL_SMTP_USER", "hub").put("DOVETAIL_SMTP_PASSWORD", "s3cret")
        .put("DOVETAIL_MAIL_FROM", "Bookings <b@example.com>")).mail();
    assertThat(smtp.smtpEnabled()).isTrue();
    assertThat(smtp.smtpPort()).isEqualTo(465);
    assertThat(smtp.tls()).isEqualTo(SmtpMailer.Tls.TLS);
    assertThat(smtp.smtpUser()).isEqualTo("hub");
    assertThat(smtp.from()).isEqualTo("Bookings <b@example.com>");
    assertThat(smtp.toString()).doesNotContain("s3cret");
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_SMTP_HOST", "h")).mail().smtpPort()).isEqualTo(587);
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_SMTP_HOST", "h").put("DOVETAIL_SMTP_TLS", "none")
        .put("DOVETAIL_SMTP_PORT", "1025")).mail().smtpPort()).isEqualTo(1025);
    assertThatThrownBy(() -> AppConfig.from(new JsonObject().put("DOVETAIL_SMTP_TLS", "ssl3")))
        .hasMessageContaining("DOVETAIL_SMTP_TLS");
  }

  @Test
  @DisplayName("Outlook is off without DOVETAIL_MS_CLIENT_ID; with it: secret required, tenant common, Graph and login defaults")
  void outlookSettings() {
    assertThat(AppConfig.from(new JsonObject()).outlook().enabled()).isFalse();

    AppConfig.Outlook outlook = AppConfig.from(new JsonObject().put("DOVETAIL_MS_CLIENT_ID", "app-id")
        .put("DOVETAIL_MS_CLIENT_SECRET", "s3cret")).outlook();
    assertThat(outlook.enabled()).isTrue();
    assertThat(outlook.tenant()).isEqualTo("common");
    assertThat(outlook.graphBase()).isEqualTo("https://graph.microsoft.com/v1.0");
    assertThat(outlook.loginBase()).isEqualTo("https://login.microsoftonline.com");
    assertThat(outlook.toString()).doesNotContain("s3cret");
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_MS_CLIENT_ID", "a").put("DOVETAIL_MS_CLIENT_SECRET", "b")
        .put("DOVETAIL_MS_TENANT", "contoso").put("DOVETAIL_MS_GRAPH_BASE", "http://127.0.0.1:9/v1.0")).outlook()
        .graphBase()).isEqualTo("http://127.0.0.1:9/v1.0");
    assertThatThrownBy(() -> AppConfig.from(new JsonObject().put("DOVETAIL_MS_CLIENT_ID", "a")))
        .hasMessageContaining("DOVETAIL_MS_CLIENT_SECRET");
    assertThat(outlook.subscriptionMinutes()).isEqualTo(4230);
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_MS_CLIENT_ID", "a").put("DOVETAIL_MS_CLIENT_SECRET", "b")
        .put("DOVETAIL_MS_SUBSCRIPTION_MINUTES", "1440")).outlook().subscriptionMinutes()).isEqualTo(1440);
    assertThatThrownBy(() -> AppConfig.from(new JsonObject().put("DOVETAIL_MS_CLIENT_ID", "a")
        .put("DOVETAIL_MS_CLIENT_SECRET", "b").put("DOVETAIL_MS_SUBSCRIPTION_MINUTES", "20000")))
        .hasMessageContaining("DOVETAIL_MS_SUBSCRIPTION_MINUTES");
  }

  @Test
  @DisplayName("DOVETAIL_MS_SUBSCRIPTION_MINUTES above Graph's 4,230-minute maximum for event subscriptions is refused")
  void outlookSubscriptionLifetimeIsCappedAtGraphsMaximum() {
    JsonObject env = new JsonObject().put("DOVETAIL_MS_CLIENT_ID", "a").put("DOVETAIL_MS_CLIENT_SECRET", "b");
    assertThat(AppConfig.from(env.copy().put("DOVETAIL_MS_SUBSCRIPTION_MINUTES", "4230")).outlook()
        .subscriptionMinutes()).isEqualTo(4230);
    assertThatThrownBy(() -> AppConfig.from(env.copy().put("DOVETAIL_MS_SUBSCRIPTION_MINUTES", "10080")))
        .hasMessageContaining("DOVETAIL_MS_SUBSCRIPTION_MINUTES must be 45 to 4230");
  }

  @Test
  @DisplayName("push over an http:// public URL stays off unless DOVETAIL_SYNC_PUSH_OVER_HTTP (emulators only)")
  void pushOverHttpIsAnExplicitChoice() {
    assertThat(AppConfig.from(new JsonObject()).sync().pushOverHttp()).isFalse();
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_SYNC_PUSH_OVER_HTTP", "true")).sync()
        .pushOverHttp()).isTrue();
  }

  @Test
  @DisplayName("DOVETAIL_MS_APP_ONLY=true turns on app-only Outlook connections and needs a tenant id, not common")
  void outlookAppOnly() {
    JsonObject base = new JsonObject().put("DOVETAIL_MS_CLIENT_ID", "a").put("DOVETAIL_MS_CLIENT_SECRET", "b");
    assertThat(AppConfig.from(base.copy()).outlook().appOnly()).isFalse();
    assertThat(AppConfig.from(base.copy().put("DOVETAIL_MS_APP_ONLY", "true")
        .put("DOVETAIL_MS_TENANT", "5b1c3e2a-0d4f-4a8e-9c6b-7e2f1a3d5c90")).outlook().appOnly()).isTrue();
    assertThatThrownBy(() -> AppConfig.from(base.copy().put("DOVETAIL_MS_APP_ONLY", "true")))
        .hasMessageContaining("DOVETAIL_MS_TENANT");
    assertThatThrownBy(() -> AppConfig.from(base.copy().put("DOVETAIL_MS_APP_ONLY", "true")
        .put("DOVETAIL_MS_TENANT", "common"))).hasMessageContaining("DOVETAIL_MS_TENANT");
  }

  @Test
  @DisplayName("DOVETAIL_MS_TRUST_PEM names a readable PEM file for the Microsoft login clients; a missing file stops"
      + " the start")
  void outlookTrustPem() throws Exception {
    JsonObject base = new JsonObject().put("DOVETAIL_MS_CLIENT_ID", "a").put("DOVETAIL_MS_CLIENT_SECRET", "b");
    assertThat(AppConfig.from(base.copy()).outlook().trustPem()).isNull();
    java.nio.file.Path pem = java.nio.file.Files.createTempFile("login", ".pem");
    assertThat(AppConfig.from(base.copy().put("DOVETAIL_MS_TRUST_PEM", pem.toString())).outlook().trustPem())
        .isEqualTo(pem);
    java.nio.file.Files.delete(pem);
    assertThatThrownBy(() -> AppConfig.from(base.copy().put("DOVETAIL_MS_TRUST_PEM", pem.toString())))
        .hasMessageContaining("DOVETAIL_MS_TRUST_PEM");
  }

  @Test
  @DisplayName("Google is its own concern: off without DOVETAIL_GOOGLE_CLIENT_ID, the secret required with it")
  void googleSettings() {
    assertThat(AppConfig.from(new JsonObject()).google().enabled()).isFalse();
    AppConfig.Google google = AppConfig.from(new JsonObject().put("DOVETAIL_GOOGLE_CLIENT_ID", "gid")
        .put("DOVETAIL_GOOGLE_CLIENT_SECRET", "g-s3cret").put("DOVETAIL_GOOGLE_API_ROOT", "http://127.0.0.1:9/")).google();
    assertThat(google.enabled()).isTrue();
    assertThat(google.apiRoot()).isEqualTo("http://127.0.0.1:9/");
    assertThat(google.oauthBase()).isNull();
    assertThat(google.toString()).doesNotContain("g-s3cret");
    assertThatThrownBy(() -> AppConfig.from(new JsonObject().put("DOVETAIL_GOOGLE_CLIENT_ID", "gid")))
        .hasMessageContaining("DOVETAIL_GOOGLE_CLIENT_SECRET");
  }

  @Test
  @DisplayName("defaults() is an empty environment; withX replaces one concern and keeps the others")
  void defaultsAndWithers() {
    AppConfig defaults = AppConfig.defaults();
    assertThat(defaults).isEqualTo(AppConfig.from(new JsonObject()));
    assertThat(defaults.http().port()).isEqualTo(8080);
    assertThat(defaults.http().publicUrl()).isEqualTo("http://localhost:8080");
    assertThat(defaults.store().embedded()).isTrue();
    assertThat(defaults.demo().enabled()).isTrue();
    assertThat(defaults.mail().smtpEnabled()).isFalse();
    assertThat(defaults.sync()).isEqualTo(AppConfig.Sync.defaults());
    assertThat(defaults.sync().reconcileEvery()).isEqualTo(Duration.ofMinutes(5));

    AppConfig.Store external = new AppConfig.Store(Path.of("/var/lib/dovetail"), "mongodb://m1", "hub", 0);
    AppConfig changed = defaults.withStore(external).withHttp(defaults.http().withPublicRequestsPerMinute(7));
    assertThat(changed.store()).isEqualTo(external);
    assertThat(changed.store().embedded()).isFalse();
    assertThat(changed.http().publicRequestsPerMinute()).isEqualTo(7);
    assertThat(changed.http().port()).isEqualTo(8080);
    assertThat(changed.withStore(defaults.store()).withHttp(defaults.http())).isEqualTo(defaults);
  }

  @Test
  @DisplayName("DOVETAIL_SMTP_TLS is read into SmtpMailer's enum, in any case; blank means starttls")
  void smtpTlsIsTheMailersEnum() {
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_SMTP_TLS", "StartTLS")).mail().tls())
        .isEqualTo(SmtpMailer.Tls.STARTTLS);
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_SMTP_TLS", " ")).mail().tls())
        .isEqualTo(SmtpMailer.Tls.STARTTLS);
    assertThat(AppConfig.from(new JsonObject().put("DOVETAIL_SMTP_TLS", "none")).mail().smtpPort()).isEqualTo(25);
  }
}
