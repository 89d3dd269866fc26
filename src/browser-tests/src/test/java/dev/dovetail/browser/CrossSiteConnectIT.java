package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
 * Connecting Google and Outlook (delegated) in a real browser with the consent pages on another site
 * ({@code localhost}, the hub at {@code 127.0.0.1}): the provider clicks Connect on the dashboard, then Allow or
 * Accept on the service's page, whose form post is answered with the redirect back to the hub's callback. That
 * navigation carries no Strict session cookie; the connection must still end CONNECTED (issue 23, point 1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("Connect Google and Outlook with the consent pages on another site, clicks included")
class CrossSiteConnectIT {

  static final String OWNER = "demo-owner@example.com";

  /** The hub's clock, which both emulators share. */
  private static final HubClock CLOCK = HubClock.fromProperty();
  private static final Vertx EMULATOR_VERTX = Vertx.vertx();
  private static final GoogleCalendarEmulator GOOGLE = GoogleCalendarEmulator.start(EMULATOR_VERTX, CLOCK, 13).await();
  private static final GraphEmulator GRAPH = GraphEmulator.start(EMULATOR_VERTX, CLOCK.instant()).await();

  /** The consent pages are on another site than the hub, which is at its own port. */
  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub(CLOCK).onItsPort().config(HubApi.calendarsFrom(new JsonObject()
      .put("DOVETAIL_SYNC_PUSH", "false")
      .put("DOVETAIL_GOOGLE_CLIENT_ID", GoogleCalendarEmulator.CLIENT_ID)
      .put("DOVETAIL_GOOGLE_CLIENT_SECRET", GoogleCalendarEmulator.CLIENT_SECRET)
      .put("DOVETAIL_GOOGLE_API_ROOT", GOOGLE.apiRoot())
      .put("DOVETAIL_GOOGLE_OAUTH_BASE", ConsentSite.otherSite(GOOGLE.oauthBase()))
      .put("DOVETAIL_MS_CLIENT_ID", GRAPH.clientId())
      .put("DOVETAIL_MS_CLIENT_SECRET", GRAPH.clientSecret())
      .put("DOVETAIL_MS_TENANT", GraphEmulator.TENANT)
      .put("DOVETAIL_MS_GRAPH_BASE", GRAPH.graphBase())
      .put("DOVETAIL_MS_LOGIN_BASE", ConsentSite.otherSite(GRAPH.loginBase())))).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  @BeforeAll
  void start() {
    GOOGLE.addUser(OWNER);
    GOOGLE.consentAs(OWNER);
    GOOGLE.showConsentPage(true);
    GRAPH.showConsentPage(true);
  }

  @AfterAll
  void stop() {
    GRAPH.stop().await();
    EMULATOR_VERTX.close().await();
  }

  @Test
  @DisplayName("Google: Connect, Allow on the localhost consent page, back on the dashboard connected")
  void googleConnectsFromAnotherSite() {
    connect("google", "#allow");
    assertThat(browser.text("#connection-google-heading")).isEqualTo("Google Calendar · " + OWNER);
    browser.screenshot("connect-google-cross-site");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("Outlook (delegated): Connect, Accept on the localhost consent page, back on the dashboard connected")
  void outlookConnectsFromAnotherSite() {
    connect("outlook", "#accept");
    assertThat(browser.text("#connection-outlook-heading")).endsWith(GraphEmulator.USER_UPN);
    browser.assertNoConsoleErrors();
  }

  /** Dashboard → Connect → the consent page on localhost → its button → the hub's callback → CONNECTED. */
  private void connect(String service, String consentButton) {
    browser.desktop();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.click("#nav a[href='#calendars']");
    browser.waitForText(By.tagName("h1"), "Calendars");
    browser.click("#connect-" + service);
    browser.visible(consentButton);
    assertThat(browser.driver.getCurrentUrl()).as("the consent page is on another site").startsWith("http://localhost:");
    browser.click(consentButton);
    try {
      browser.waitForText(By.id("connection-" + service + "-state"), "CONNECTED");
    } catch (RuntimeException e) {
      throw new AssertionError("not connected; the browser is at " + browser.driver.getCurrentUrl() + " showing: "
          + browser.text("body"), e);
    }
    assertThat(browser.driver.getCurrentUrl()).isEqualTo(hub.url("/dashboard#calendars"));
  }
}
