package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import dev.dovetail.outlook.emulator.GraphEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The third connect flow of issue 23 in a real browser: app-only Outlook (ADR 21), where the provider only signs in to
 * name the mailbox and the hub then acts as the app through azure-identity. MSAL needs an HTTPS authority, so the
 * identity platform emulator serves HTTPS with a certificate made at test time; the hub trusts it through {@code
 * DOVETAIL_MS_TRUST_PEM} (its Microsoft login clients only, ADR 40) and chromium accepts it by its public key hash
 * only ({@code --ignore-certificate-errors-spki-list}). The sign-in page is on another site ({@code
 * https://localhost}, the hub at {@code http://127.0.0.1}), its Accept click included; the connection ends CONNECTED
 * and the mailbox's calendars are listed with the app's token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("Connect app-only Outlook with the sign-in page on another site (HTTPS), the click included")
class AppOnlyConnectIT {

  /** The hub's clock, which the emulator shares from its start. */
  private static final HubClock CLOCK = HubClock.fromProperty();
  private static final Vertx EMULATOR_VERTX = Vertx.vertx();
  private static final GraphEmulator GRAPH =
      GraphEmulator.start(EMULATOR_VERTX, CLOCK.instant()).await().withTls().await();
  /** The emulator's certificate, which the hub's sign-in clients trust (DOVETAIL_MS_TRUST_PEM). */
  private static final Path PEM = pemOf(GRAPH);

  /** The sign-in page is on another site (https://localhost) than the hub, which is at its own port. */
  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub(CLOCK).onItsPort().config(HubApi.calendarsFrom(new JsonObject()
      .put("DOVETAIL_SYNC_PUSH", "false")
      .put("DOVETAIL_MS_CLIENT_ID", GRAPH.clientId())
      .put("DOVETAIL_MS_CLIENT_SECRET", GRAPH.clientSecret())
      .put("DOVETAIL_MS_TENANT", GraphEmulator.TENANT)
      .put("DOVETAIL_MS_APP_ONLY", "true")
      .put("DOVETAIL_MS_GRAPH_BASE", GRAPH.graphBase())
      .put("DOVETAIL_MS_LOGIN_BASE", GRAPH.loginBaseTls().replace("https://127.0.0.1:", "https://localhost:"))
      .put("DOVETAIL_MS_TRUST_PEM", PEM.toString()))).build();

  /** Chromium accepts the emulator's certificate by its public key hash only. */
  @RegisterExtension
  static final BrowserExtension BROWSER =
      new BrowserExtension("--ignore-certificate-errors-spki-list=" + spkiHash(GRAPH.tlsCertificate()));

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  @BeforeAll
  void start() {
    GRAPH.showConsentPage(true);
  }

  @AfterAll
  void stop() throws IOException {
    GRAPH.stop().await();
    EMULATOR_VERTX.close().await();
    Files.deleteIfExists(PEM);
  }

  @Test
  @DisplayName("Connect, Accept on the https://localhost sign-in page, back on the dashboard connected; the mailbox's"
      + " calendars load with the app's token")
  void appOnlyOutlookConnectsFromAnotherSite() {
    browser.desktop();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.click("#nav a[href='#calendars']");
    browser.waitForText(By.tagName("h1"), "Calendars");
    browser.click("#connect-outlook");
    browser.visible("#accept");
    assertThat(browser.driver.getCurrentUrl()).as("the sign-in page is on another site, over HTTPS")
        .startsWith("https://localhost:").contains("/authorize");
    assertThat(browser.driver.getCurrentUrl()).as("a sign-in: no refresh token is asked for")
        .doesNotContain("offline_access");
    browser.click("#accept");
    try {
      browser.waitForText(By.id("connection-outlook-state"), "CONNECTED");
    } catch (RuntimeException e) {
      throw new AssertionError("not connected; the browser is at " + browser.driver.getCurrentUrl() + " showing: "
          + browser.text("body"), e);
    }
    assertThat(browser.driver.getCurrentUrl()).isEqualTo(hub.url("/dashboard#calendars"));
    assertThat(browser.text("#connection-outlook-heading")).endsWith(GraphEmulator.USER_UPN);
    browser.waitForText(By.id("choose-outlook"), "(main calendar)");
    assertThat(GRAPH.requests()).as("the calendars were read as the app, for the named mailbox")
        .anyMatch(r -> r.method().equals("GET") && java.net.URLDecoder.decode(r.path(), StandardCharsets.UTF_8)
            .startsWith("/v1.0/users/" + GraphEmulator.USER_UPN + "/calendars"));
    browser.screenshot("connect-outlook-app-only");
    browser.assertNoConsoleErrors();
  }

  private static Path pemOf(GraphEmulator graph) {
    try {
      Path pem = Files.createTempFile("graph-emulator", ".pem");
      Files.writeString(pem, graph.tlsCertificatePem(), StandardCharsets.US_ASCII);
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What chromium's --ignore-certificate-errors-spki-list takes: base64 of the SHA-256 of the public key info. */
  private static String spkiHash(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
