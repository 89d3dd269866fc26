package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dovetail.app.AppConfig;
import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Three dashboard screens of issue 18 in chromium against a real hub (on the hub's controlled clock): the opening
 * hours editor, the notifications split into activity and scheduled mail, and subscribing in calendar apps, where
 * the CalDAV address copied from the page logs python3-caldav in. The hub has a public URL of its own
 * ({@code DOVETAIL_PUBLIC_URL}), which the page must use rather than the address the browser loaded it from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProviderToolsPagesIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  /** "localhost", while the browser loads the pages from 127.0.0.1: an address taken from the browser would differ. */
  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().config(c -> c.withHttp(new AppConfig.Http(c.http().host(),
      c.http().port(), "http://localhost:" + c.http().port(), c.http().publicRequestsPerMinute(),
      c.http().maxBodyBytes()))).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private String publicUrl;
  private String token;

  @BeforeAll
  void start() {
    publicUrl = HUB.config().http().publicUrl();
    token = hub.demoApiToken();
  }

  private void logIn() {
    browser.logInToDashboard(hub.url("/dashboard"));
  }

  private void go(String hash, String heading) {
    browser.nav(hash);
    browser.waitForText(By.tagName("h1"), heading);
  }

  private JsonObject availability(String resourceId) {
    return new JsonObject(hub.send("GET", "/api/v1/resources/" + resourceId, null, token).body())
        .getJsonObject("availability");
  }

  private static JsonArray windows(String... startEnd) {
    JsonArray array = new JsonArray();
    for (int i = 0; i + 1 < startEnd.length; i += 2) {
      array.add(new JsonObject().put("start", startEnd[i]).put("end", startEnd[i + 1]));
    }
    return array;
  }

  @Test
  @DisplayName("hours editor: 9-17 and an en-dash range are accepted, copy to weekdays, time pickers, a date override,"
      + " and a holiday picked without 'Add holiday' is added on save")
  void hoursEditor() {
    browser.desktop();
    logIn();
    go("#resources", "Resources");
    browser.click("#new-resource");
    browser.waitForText(By.tagName("h1"), "New resource");
    browser.type("#resource-name", "Hours Room");
    browser.type("#resource-id", "hours-room");
    browser.select("#resource-zone", "Europe/Berlin");

    // Typed as a phone types it: bare hours, then an en dash with a break.
    browser.type("#hours-monday", "9-17");
    assertThat(browser.visible("#hours-monday-open").isSelected()).isTrue();
    browser.click("#hours-monday-copy");
    for (String day : List.of("tuesday", "wednesday", "thursday", "friday")) {
      assertThat(browser.visible("#hours-" + day).getAttribute("value")).isEqualTo("09:00-17:00");
      assertThat(browser.visible("#hours-" + day + "-open").isSelected()).isTrue();
    }
    browser.type("#hours-friday", "09:00–12:00, 13:00–16:30");
    // The time pickers follow the text: two ranges on Friday.
    assertThat(browser.all("input[type=time][aria-label^='Friday: range']")).hasSize(4);
    // Saturday switched on by its toggle gets default hours in its pickers; Sunday stays closed.
    browser.click("#hours-saturday-open");
    assertThat(browser.visible("#hours-saturday").getAttribute("value")).isEqualTo("09:00-17:00");
    browser.js("const i = arguments[0]; i.value = '14:00'; i.dispatchEvent(new Event('change', {bubbles: true}));",
        browser.visible("input[aria-label='Saturday: range 1 until']"));
    assertThat(browser.visible("#hours-saturday").getAttribute("value")).isEqualTo("09:00-14:00");
    browser.type("#resource-breaks", "12–12:30");

    // A date with its own hours, added; a holiday picked but never added.
    LocalDate override = hub.today(BERLIN).plusDays(30);
    LocalDate holiday = hub.today(BERLIN).plusDays(40);
    browser.setDate("#override-date", override.toString());
    browser.type("#override-hours", "10-14");
    browser.click("#add-override");
    browser.waitForText(By.id("override-list"), override + ": 10:00-14:00");
    browser.setDate("#holiday-date", holiday.toString());

    // Something that is not hours is refused on the field, nothing is saved.
    browser.type("#hours-sunday", "nine-five");
    browser.click("#save-resource");
    browser.waitForText(By.id("hours-sunday-error"), "not a time range");
    assertThat(hub.send("GET", "/api/v1/resources/hours-room", null, token).statusCode()).isEqualTo(404);
    browser.type("#hours-sunday", "");
    browser.assertFormsLabelled();
    browser.assertAccessible("hours editor");
    browser.screenshot("dashboard-hours-editor");
    browser.click("#save-resource");
    browser.waitForText(By.id("resources-message"), "Resource created");
    assertThat(browser.text("#resources-message")).contains(holiday.toString());

    JsonObject saved = availability("hours-room");
    JsonObject weekly = saved.getJsonObject("weeklyHours");
    for (String day : List.of("monday", "tuesday", "wednesday", "thursday")) {
      assertThat(weekly.getJsonArray(day)).as(day).isEqualTo(windows("09:00", "17:00"));
    }
    assertThat(weekly.getJsonArray("friday")).isEqualTo(windows("09:00", "12:00", "13:00", "16:30"));
    assertThat(weekly.getJsonArray("saturday")).isEqualTo(windows("09:00", "14:00"));
    assertThat(weekly.getJsonArray("sunday")).isEmpty();
    assertThat(saved.getJsonArray("breaks")).isEqualTo(windows("12:00", "12:30"));
    assertThat(saved.getJsonObject("dateOverrides").getJsonArray(override.toString()))
        .isEqualTo(windows("10:00", "14:00"));
    assertThat(saved.getJsonArray("holidays")).containsExactly(holiday.toString());

    // Editing shows what was saved, on a phone too.
    browser.phone();
    browser.click("#resource-list button[aria-label='Edit Hours Room']");
    browser.waitForText(By.tagName("h1"), "Edit Hours Room");
    assertThat(browser.visible("#hours-friday").getAttribute("value")).isEqualTo("09:00-12:00, 13:00-16:30");
    assertThat(browser.visible("#hours-sunday-open").isSelected()).isFalse();
    assertThat(browser.text("#holiday-list")).contains(holiday.toString());
    assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isTrue();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("notifications: activity names the customer; scheduled mail is soonest first without the reminders of"
      + " a cancelled booking; a pending mail says it is not sent, and the hub without SMTP says mail is not sent")
  void notificationsSplit() {
    HubApi.Day day = hub.dayAhead("demo-60", BERLIN, 2);
    JsonObject kept = hub.bookOrFail("demo-60", day.starts().get(0), "Grace Kept", "grace@example.com");
    JsonObject gone = hub.bookOrFail("demo-60", day.starts().get(1), "Carl Cancelled", "carl@example.com");
    String keptId = kept.getJsonObject("booking").getString("id");
    String goneId = gone.getJsonObject("booking").getString("id");
    assertThat(hub.send("POST", "/api/v1/bookings/" + goneId + "/cancel", new JsonObject(), token).statusCode())
        .isEqualTo(200);

    browser.desktop();
    logIn();
    go("#notifications", "Notifications");
    String keptReminder = "#scheduled-list li[data-booking-id='" + keptId + "'][data-kind='REMINDER']";
    String keptConfirmation = "#activity-list li[data-booking-id='" + keptId + "'][data-kind='CONFIRMATION']";
    browser.waiting().until(d -> {
      if (browser.all(keptReminder).isEmpty() || browser.all(keptConfirmation).isEmpty()) {
        browser.click("#notifications-refresh");
        return false;
      }
      return true;
    });
    assertThat(browser.all("#scheduled-list li[data-booking-id='" + goneId + "'][data-kind='REMINDER']")).isEmpty();
    assertThat(browser.text(keptReminder)).contains("Grace Kept").doesNotContain(keptId);
    // Without SMTP a mail the dispatcher handled was kept, not sent: the list says so too.
    assertThat(browser.text(keptConfirmation)).contains("Confirmation to Grace Kept", "Kept, not sent");
    assertThat(browser.text("#activity-list li[data-booking-id='" + keptId + "'][data-kind='PROVIDER_NEW_BOOKING']"))
        .contains("New booking (to you): Grace Kept");
    // Times in the provider's zone (the demo provider's is Berlin): the booking's start as the page shows it.
    String shownStart = (String) browser.js("return new Intl.DateTimeFormat(undefined, {weekday: 'long',"
        + " day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit',"
        + " timeZone: 'Europe/Berlin'}).format(new Date(arguments[0]));", day.starts().get(0));
    assertThat(browser.text(keptReminder)).contains("booking " + shownStart);

    // Soonest first in the schedule, as the API orders it (the dispatcher may send meanwhile: refresh until equal).
    browser.waiting().until(d -> {
      List<JsonObject> api = page("scheduled");
      List<String> due = api.stream().map(n -> n.getString("dueAt")).toList();
      assertThat(due).isSorted();
      List<String> shown = browser.all("#scheduled-list li").stream()
          .map(li -> li.getAttribute("data-notification-id")).toList();
      if (!shown.equals(api.stream().map(n -> n.getString("id")).toList())) {
        browser.click("#notifications-refresh");
        return false;
      }
      return true;
    });

    // The hub has no SMTP: the page says so, and a pending mail says it is not sent yet (never "Sent over SMTP").
    browser.waitForText(By.id("mail-delivery"), "mails are not sent");
    browser.click(keptReminder + " button[aria-expanded]");
    browser.waitForText(By.cssSelector(keptReminder + " .notification-content"), "Not sent yet");
    assertThat(browser.text(keptReminder + " .notification-content")).doesNotContain("SMTP");
    browser.click(keptConfirmation + " button[aria-expanded]");
    browser.waitForText(By.cssSelector(keptConfirmation + " .notification-content"), "local sink");
    assertThat(browser.text(keptConfirmation + " .notification-content")).contains("Subject:");
    browser.assertFormsLabelled();
    browser.assertAccessible("notifications");
    browser.screenshot("dashboard-notifications-split");
    browser.phone();
    assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isTrue();
    browser.assertNoConsoleErrors();
  }

  private List<JsonObject> page(String view) {
    JsonArray items = new JsonObject(hub.send("GET", "/api/v1/notifications?limit=20&view=" + view, null, token)
        .body()).getJsonArray("items");
    return items.stream().map(o -> (JsonObject) o).toList();
  }

  @Test
  @DisplayName("subscribe: the CalDAV address copied from the page is the hub's public URL, and python3-caldav logs in"
      + " with it and an app password made on the credentials page; the feed is issued, replaced and revoked")
  void subscribeAndLogInWithPythonCaldav() throws Exception {
    browser.desktop();
    browser.allowClipboard(hub.url(""));
    logIn();
    go("#credentials", "API tokens and app passwords");
    browser.waiting().until(d -> (publicUrl + "/").equals(
        browser.visible("[data-share='caldav-server']").getAttribute("value")));
    browser.type("#app-password-label", "python");
    browser.click("#app-password-create");
    String appPassword = browser.text("#app-password-secret");

    go("#subscribe", "Subscribe in calendar apps");
    browser.select("#subscribe-resource", "demo-room");
    browser.waitForText(By.id("subscribe-heading"), "Demo room");
    browser.click("button[aria-label='Copy caldav address']");
    browser.waitForText(By.id("subscribe-panel"), "Copied.");
    String copied = browser.clipboardText();
    assertThat(copied).isEqualTo(publicUrl + "/dav/calendars/demo/demo-room/");

    // The feed: none yet; create, replace (the old address stops), revoke.
    browser.visible("#no-feed");
    browser.click("#issue-feed");
    browser.waitForText(By.id("feed-status"), "New feed address issued");
    String feed = browser.visible("[data-share='feed-url']").getAttribute("value");
    assertThat(feed).startsWith(publicUrl + "/webcal/demo/demo-room/");
    assertThat(hub.get(feed.substring(publicUrl.length())).statusCode()).isEqualTo(200);
    browser.click("#issue-feed");
    browser.waitForText(By.id("feed-status"), "New feed address issued");
    browser.waiting().until(d -> !feed.equals(browser.visible("[data-share='feed-url']").getAttribute("value")));
    assertThat(hub.get(feed.substring(publicUrl.length())).statusCode()).isEqualTo(404);
    browser.assertFormsLabelled();
    browser.assertAccessible("subscribe");
    browser.screenshot("dashboard-subscribe");
    browser.click("#revoke-feed");
    browser.click("#confirm-revoke-feed");
    browser.waitForText(By.id("feed-status"), "Feed revoked");
    browser.visible("#no-feed");
    assertThat(browser.text("#subscribe-howtos")).contains("Apple Calendar", "Google Calendar", "Outlook",
        "Thunderbird", "DAVx5");
    browser.phone();
    browser.click("#subscribe-howtos details:first-child summary");
    browser.waitForText(By.id("subscribe-howtos"), "Other CalDAV Account");
    assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;")).isTrue();
    browser.assertNoConsoleErrors();

    assertTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is missing (sudo .ci/install-test-deps)");
    Path work = Files.createTempDirectory("dovetail-python-caldav");
    Path script = work.resolve("login.py");
    Files.writeString(script, String.join("\n",
        "import sys, caldav",
        "url, user, password = sys.argv[1:4]",
        "client = caldav.DAVClient(url=url, username=user, password=password)",
        "calendar = client.calendar(url=url)",
        "print('NAME', calendar.get_display_name())",
        "print('EVENTS', len(calendar.events()))",
        ""));
    // From an empty folder: a caldav/ directory next to it would shadow the python package.
    Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), copied, "demo", appPassword)
        .directory(work.toFile()).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("NAME Demo room", "EVENTS ");
  }
}
