package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Getting in, in a real browser (issue 18): the landing page, sign-up into the first-run checklist until a bookable
 * type is shared and a calendar connected, the forgotten-password mail read from the hub's local sink, and settings.
 * The hub takes sign-ups (DOVETAIL_SIGNUP=open) and runs on the test's clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AccountPagesIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Pattern RESET_LINK = Pattern.compile("/reset-password#[A-Za-z0-9_.-]+");

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().signUp(SignUpMode.OPEN).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  private void signUpByApi(String handle, String password) {
    assertThat(hub.send("POST", "/api/v1/providers", new JsonObject().put("handle", handle)
        .put("displayName", "Provider " + handle).put("email", handle + "@example.com").put("password", password)
        .put("timeZone", "Europe/Berlin"), null).statusCode()).isEqualTo(201);
  }

  private void logIn(String login, String password) {
    browser.open(hub.url("/dashboard"));
    browser.type("#login", login);
    browser.type("#password", password);
    browser.click("#login-button");
    browser.waitForText(By.tagName("h1"), "Agenda");
  }

  private void agendaChecklist(String progress) {
    browser.click("#nav a[href='#agenda']");
    browser.waitForText(By.tagName("h1"), "Agenda");
    browser.waitForText(By.id("checklist-progress"), progress);
  }

  private String stepDone(String step) {
    return browser.visible("#checklist li[data-step='" + step + "']").getAttribute("data-done");
  }

  @Test
  @DisplayName("a new provider signs up from the landing page and follows the checklist to a shared, bookable type")
  void signUpThenChecklistToASharedType() {
    browser.phone();
    browser.open(hub.url("/"));
    browser.assertLandmarks();
browser.assertAccessible("landing page");
    browser.screenshot("landing-phone");
    browser.click("#home-signup");
    browser.visible("#signup-form");
    browser.assertFormsLabelled();
    browser.assertAccessible("sign-up page");
    browser.type("#display-name", "Studio Nova");
    assertThat(browser.visible("#handle").getAttribute("value")).isEqualTo("studio-nova");
    browser.type("#email", "nova@example.com");
    browser.type("#new-password", "short");
    browser.select("#time-zone", "Europe/Berlin");
    browser.click("#signup-button");
    browser.waitForText(By.id("new-password-error"), "at least 12");
    browser.type("#new-password", "nova's long enough passphrase");
    browser.screenshot("signup-phone");
    browser.click("#signup-button");
    browser.waitForText(By.tagName("h1"), "Agenda");
    assertThat(browser.path()).isEqualTo("/dashboard");
    browser.waitForText(By.id("checklist-progress"), "0 of 5 done");
    browser.assertFormsLabelled();
    browser.assertAccessible("first-run checklist");
    assertThat(browser.visible("#checklist-link").getAttribute("value")).isEqualTo(hub.url("/book/studio-nova"));
    browser.screenshot("checklist-new-provider");

    browser.desktop();
    browser.click("#checklist li[data-step='resource'] a");
    browser.waitForText(By.tagName("h1"), "Resources");
    browser.click("#new-resource");
    browser.waitForText(By.tagName("h1"), "New resource");
    browser.type("#resource-name", "Room 1");
    browser.type("#resource-id", "nova-room");
    browser.select("#resource-zone", "Europe/Berlin");
    for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
      browser.type("#hours-" + day, "09:00-17:00");
    }
    browser.click("#save-resource");
    browser.waitForText(By.id("resources-message"), "Resource created");
    agendaChecklist("2 of 5 done");
    assertThat(stepDone("resource")).isEqualTo("true");
    assertThat(stepDone("hours")).isEqualTo("true");
    assertThat(stepDone("type")).isEqualTo("false");

    browser.click("#checklist li[data-step='type'] a");
    browser.waitForText(By.tagName("h1"), "Booking types");
    browser.click("#new-type");
    browser.waitForText(By.tagName("h1"), "New booking type");
    browser.type("#type-name", "Consultation");
    browser.type("#type-id", "nova-consult");
    browser.select("#type-resource", "nova-room");
    browser.type("#type-durations", "60");
    browser.type("#type-notice", "0");
    browser.click("#save-type");
    browser.waitForText(By.id("types-message"), "Booking type created");
    agendaChecklist("3 of 5 done");

    // Shared: the link opens the provider's page, and a customer books through it.
    String link = browser.visible("#checklist-link").getAttribute("value");
    browser.open(link);
    browser.waitForText(By.tagName("h1"), "Book with Studio Nova");
    browser.visible("a[href='/book/studio-nova/nova-consult']");
    HubApi.Day day = hub.firstFreeDay("nova-consult", BERLIN);
    hub.bookOrFail("nova-consult", day.starts().get(0), "Carol", "carol@example.com");
    browser.open(hub.url("/dashboard"));
    browser.waitForText(By.id("checklist-progress"), "4 of 5 done");
    assertThat(stepDone("share")).isEqualTo("true");

    browser.click("#checklist li[data-step='calendar'] a");
    browser.waitForText(By.tagName("h1"), "Calendars");
    browser.click("#nav a[href='#credentials']");
    browser.waitForText(By.tagName("h1"), "API tokens and app passwords");
    browser.type("#app-password-label", "iPhone");
    browser.click("#app-password-create");
    assertThat(browser.text("#app-password-secret")).startsWith("dtap_");
    browser.click("#nav a[href='#agenda']");
    browser.waitForText(By.tagName("h1"), "Agenda");
    browser.visible("#agenda-count");
    assertThat(browser.all("#checklist")).as("every step done: the checklist is gone").isEmpty();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("the reset link from the mail sets a new password once; the log-in takes the new one")
  void passwordResetThroughTheMailSink() throws InterruptedException {
    signUpByApi("forgetful", "the original passphrase");
    browser.desktop();
    browser.open(hub.url("/dashboard/"));
    browser.click("#forgot-link");
    browser.visible("#forgot-form");
    browser.assertFormsLabelled();
    browser.assertAccessible("forgot-password form");
    browser.type("#email", "forgetful@example.com");
    browser.click("#forgot-button");
    browser.waitForText(By.id("forgot-result"), "If forgetful@example.com has an account here");

    String text = hub.sentMailText("forgetful@example.com", "Reset your Dovetail password");
    Matcher link = RESET_LINK.matcher(text);
    assertThat(link.find()).as(text).isTrue();
    browser.open(hub.url(link.group()));
    browser.visible("#reset-form");
    browser.assertAccessible("password-reset page");
    browser.type("#new-password", "a fresh passphrase");
    browser.click("#reset-button");
    browser.waitForText(By.id("app"), "Your password is set");
    assertThat((String) browser.js("return location.hash;")).as("the token leaves the address bar").isEmpty();
    browser.screenshot("password-reset-done");
    browser.click("#reset-login");
    logIn("forgetful@example.com", "a fresh passphrase");

    browser.open(hub.url(link.group()));
    browser.type("#new-password", "a third passphrase");
    browser.click("#reset-button");
    browser.waitForText(By.id("reset-result"), "This link cannot be used");
    browser.assertNoConsoleErrors(400);
  }

  @Test
  @DisplayName("settings change the display name and, with the current password, the password")
  void settingsChangeNameAndPassword() {
    signUpByApi("settler", "settler's first passphrase");
    browser.desktop();
    logIn("settler", "settler's first passphrase");
    browser.click("#nav a[href='#settings']");
    browser.waitForText(By.tagName("h1"), "Settings");
    browser.assertFormsLabelled();
    browser.assertAccessible("settings");
    browser.type("#settings-name", "Settler & Sons");
    browser.select("#settings-zone", "America/New_York");
    browser.click("#settings-profile-save");
    browser.waitForText(By.id("settings-profile-result"), "Saved");
    assertThat(browser.text("#who")).isEqualTo("Settler & Sons");

    browser.type("#settings-current-password", "not my password at all");
    browser.type("#settings-new-password", "settler's second passphrase");
    browser.click("#settings-password-save");
    browser.waitForText(By.id("settings-current-password-error"), "not your current password");
    browser.type("#settings-current-password", "settler's first passphrase");
    browser.click("#settings-password-save");
    browser.waitForText(By.id("settings-password-result"), "Password changed");
    browser.screenshot("settings");
    browser.click("#logout-button");
    browser.visible("#login-form");
    logIn("settler", "settler's second passphrase");
    browser.assertNoConsoleErrors(403);
  }

  @Test
  @DisplayName("unknown addresses are a 404 page in the browser, not JSON")
  void unknownAddressIsAPage() {
    browser.open(hub.url("/no-such-page"));
    browser.waitForText(By.tagName("h1"), "Page not found");
    browser.assertLandmarks();
    browser.assertAccessible("not-found page");
  }
}
