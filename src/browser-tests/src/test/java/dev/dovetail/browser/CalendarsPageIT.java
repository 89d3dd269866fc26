package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.google.emulator.EmulatorExternalSide;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The dashboard's Calendars section in a real browser against a hub configured with the Google emulator: the
 * provider connects Google through the (emulated) consent page, lands back on #calendars, chooses with the keyboard a
 * calendar that blocks the demo room and the calendar receiving bookings, and an event created in Google then takes
 * the slot off the public booking page; disconnecting frees it again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CalendarsPageIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String OWNER = "demo-owner@example.com";
  static final String TEAM = "team-calendar@example.com";

  private static final HubClock CLOCK = HubClock.fromProperty();
  private static final Vertx EMULATOR_VERTX = Vertx.vertx();
  /** Google runs on the hub's clock: token lifetimes, channel expiry and event times agree with the hub's. */
  private static final GoogleCalendarEmulator GOOGLE = GoogleCalendarEmulator.start(EMULATOR_VERTX, CLOCK, 11).await();

  /** The consent redirect comes back to the hub's public URL, on its own port. */
  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub(CLOCK).google(GOOGLE)
      .config(c -> c.withSync(c.sync().withTimings(Duration.ofSeconds(8), c.sync().push()))).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private LocalDate day;

  @BeforeAll
  void start() {
    GOOGLE.addUser(OWNER);
    GOOGLE.addCalendar(OWNER, TEAM);
  }

  @AfterAll
  void stop() {
    EMULATOR_VERTX.close().await();
  }

  @Test
  @DisplayName("connect Google, choose blocking and target calendars with the keyboard, see an event block a slot, disconnect")
  void connectChooseBlockAndDisconnect() {
    openCalendars();
    assertThat(browser.text("#connect-google")).isEqualTo("Connect Google Calendar");
    assertThat(browser.all("#connect-outlook")).as("Outlook is not configured on this hub").isEmpty();
    browser.assertLandmarks();
    browser.assertNoConsoleErrors();

    connectGoogle();
    assertThat(browser.all("input[data-calendar-id='" + TEAM + "'][data-resource-id='demo-room']")).hasSize(1);
    chooseOwnerBlocksDemoRoom();

    String token = hub.demoApiToken();
    JsonObject connection = new JsonObject(hub.send("GET", "/api/v1/calendar-connections", null, token).body())
        .getJsonArray("items").getJsonObject(0);
    JsonObject blocking = connection.getJsonArray("blocking").getJsonObject(0);
    assertThat(connection.getJsonArray("blocking")).hasSize(1);
    assertThat(blocking.getString("calendarId")).isEqualTo(OWNER);
    assertThat(blocking.getJsonArray("resourceIds")).containsExactly("demo-room");
    assertThat(connection.getString("targetCalendarId")).isEqualTo(OWNER);

    // An event created in Google over a free slot takes it off the public slots (on a day no hour of "now" shortens).
    day = hub.dayAhead("demo-30", BERLIN, 5).date();
    String start = freeStarts().get(1);
    GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(TimeRange.of(Instant.parse(start), Duration.ofMinutes(30)),
        true));
    waitUntil(() -> !freeStarts().contains(start), Duration.ofSeconds(40), "the Google event blocks " + start);

    // An event laid over an existing booking: the booking stays and is listed as clashing.
    String booked = freeStarts().get(3);
    String bookingId = hub.bookOrFail("demo-30", booked, "Clara Clash", "clara@example.com")
        .getJsonObject("booking").getString("id");
    GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(TimeRange.of(Instant.parse(booked), Duration.ofMinutes(30)),
        true));
    waitUntil(() -> new JsonObject(hub.send("GET", "/api/v1/calendar-connections", null, token).body())
        .getJsonArray("conflictingBookings").size() == 1, Duration.ofSeconds(40), "the booking is flagged");
    browser.driver.navigate().refresh();
    browser.waitForText(By.id("connection-google-sync"), OWNER + ": synced");
    assertThat(browser.text("#conflict-list li[data-booking-id='" + bookingId + "']")).contains(bookingId, "Demo room");
    browser.js("arguments[0].scrollIntoView();", browser.visible("#conflict-list"));
    browser.screenshot("dashboard-calendars-clash");
    browser.js("window.scrollTo(0, 0);");
    browser.screenshot("dashboard-calendars");

    browser.phone();
    browser.visible("#choose-google");
    assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("no sideways scrolling on a phone").isTrue();
    browser.screenshot("dashboard-calendars-phone");
    browser.desktop();

    // Disconnect asks first; "Keep it" keeps it, "Yes, disconnect" removes it and its busy time.
    browser.click("#disconnect-google");
    browser.click("[data-service='google'] button.link");
    browser.visible("#disconnect-google");
    browser.click("#disconnect-google");
    browser.click("#confirm-disconnect-google");
    browser.waitForText(By.id("calendars-message"), "Google Calendar disconnected");
    browser.visible("#no-connections");
    browser.visible("#connect-google");
    waitUntil(() -> freeStarts().contains(start), Duration.ofSeconds(20), "the slot " + start + " is free again");
    assertThat(new JsonObject(hub.send("GET", "/api/v1/calendar-connections", null, token).body())
        .getJsonArray("items")).isEmpty();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("a revoked grant shows BROKEN with the reason, and the reconnect link connects the account again")
  void brokenConnectionIsShownAndReconnects() {
    openCalendars();
    connectGoogle();
    chooseOwnerBlocksDemoRoom();
    String token = hub.demoApiToken();

    GOOGLE.revoke(OWNER);
    GOOGLE.userInsert(OWNER, EmulatorExternalSide.timed(TimeRange.of(hub.now().plus(Duration.ofDays(3)),
        Duration.ofMinutes(30)), true));
    waitUntil(() -> "BROKEN".equals(new JsonObject(hub.send("GET", "/api/v1/calendar-connections", null, token).body())
        .getJsonArray("items").getJsonObject(0).getString("state")), Duration.ofSeconds(40), "the connection is broken");
    browser.driver.navigate().refresh();
    browser.waitForText(By.id("connection-google-state"), "BROKEN");
    assertThat(browser.text("[data-service='google'] .alert-warn")).startsWith("The connection is broken: ");
    assertThat(browser.all("#choose-google")).as("no calendar choice while broken").isEmpty();
    assertThat(browser.text("#connect-google")).isEqualTo("Reconnect Google Calendar");
    browser.screenshot("dashboard-calendars-broken");
    browser.assertNoConsoleErrors();

    GOOGLE.consentAs(OWNER);
    browser.visible("#connect-google").sendKeys(Keys.ENTER);
    browser.waitForText(By.id("connection-google-state"), "CONNECTED");
    browser.visible("#choose-google");

    // Disconnect with the keyboard alone.
    browser.visible("#disconnect-google").sendKeys(Keys.ENTER);
    browser.visible("#confirm-disconnect-google").sendKeys(Keys.ENTER);
    browser.waitForText(By.id("calendars-message"), "Google Calendar disconnected");
    browser.visible("#no-connections");
    browser.assertNoConsoleErrors();
  }

  private void openCalendars() {
    browser.desktop();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.click("#nav a[href='#calendars']");
    browser.waitForText(By.tagName("h1"), "Calendars");
    browser.visible("#no-connections");
  }

  /** The real round trip: hub → emulated consent page (agrees as OWNER) → hub callback → /dashboard#calendars. */
  private void connectGoogle() {
    GOOGLE.consentAs(OWNER);
    browser.click("#connect-google");
    browser.waitForText(By.id("connection-google-state"), "CONNECTED");
    assertThat((String) browser.js("return location.pathname + location.hash;")).isEqualTo("/dashboard#calendars");
    assertThat(browser.text("#connection-google-heading")).isEqualTo("Google Calendar · " + OWNER);
    assertThat(browser.all("#connect-google")).as("no second connect button once connected").isEmpty();
    browser.visible("#choose-google");
  }

  /** Keyboard only: space ticks the box and picks the radio, Enter on the button saves. */
  private void chooseOwnerBlocksDemoRoom() {
    String ownerBlocksRoom = "input[data-calendar-id='" + OWNER + "'][data-resource-id='demo-room']";
    browser.visible(ownerBlocksRoom).sendKeys(Keys.SPACE);
    browser.visible("input[name='target-google'][value='" + OWNER + "']").sendKeys(Keys.SPACE);
    browser.assertFormsLabelled();
    browser.assertAccessible("calendars");
    browser.visible("#save-google").sendKeys(Keys.ENTER);
    browser.waitForText(By.id("calendars-message"), "Calendar choice saved");
    browser.waitForText(By.id("connection-google-sync"), OWNER);
    assertThat(browser.visible(ownerBlocksRoom).isSelected()).as("the saved choice is shown again").isTrue();
    browser.assertNoConsoleErrors();
  }

  private java.util.List<String> freeStarts() {
    return hub.slots("demo-30", day, day.plusDays(1), BERLIN).stream().map(s -> s.getString("start")).toList();
  }


  private static void waitUntil(BooleanSupplier condition, Duration deadline, String what) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + deadline + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
