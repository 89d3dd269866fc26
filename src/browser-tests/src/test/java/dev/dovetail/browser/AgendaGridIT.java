package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The agenda's time grids: a booking, a hold and a CalDAV event in the week grid at their wall-clock places in the
 * provider's zone and in another; the booking panel by keyboard; moving a booking and adding one (by phone) through
 * the panel, and cancelling with a message to the customer; the day view and the compact menu on a 390 px phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AgendaGridIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private String token;

  @BeforeAll
  void start() {
    token = hub.demoApiToken();
  }

  /** A day at least two days ahead with the demo room free at 10:00, 11:00, 14:00, 15:00 and 16:00 Berlin time. */
  private LocalDate freeDay() {
    HubApi.Day day = hub.dayAhead("demo-60", BERLIN, 7);
    for (int hour : new int[] {10, 11, 14, 15, 16}) {
      assertThat(day.starts()).as("free on " + day.date()).contains(at(day.date(), hour).toString());
    }
    return day.date();
  }

  private static Instant at(LocalDate date, int hour) {
    return date.atTime(hour, 0).atZone(BERLIN).toInstant();
  }

  /** The wall-clock hour of an instant in a zone, as the grid writes it in data-from. */
  private static String hours(Instant instant, ZoneId zone) {
    LocalTime t = instant.atZone(zone).toLocalTime();
    return String.format(Locale.ROOT, "%.2f", t.getHour() + t.getMinute() / 60.0);
  }

  private String column(LocalDate date) {
    return ".cal-col[data-date='" + date + "'][data-resource-id='demo-room']";
  }

  private JsonObject book(LocalDate date, int hour, String name, boolean hold) {
    HttpResponse<String> response = hub.send("POST", "/api/v1/public/booking-types/demo-60/bookings", new JsonObject()
        .put("start", at(date, hour).toString()).put("timeZone", "Europe/Berlin").put("name", name)
        .put("email", name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com").put("hold", hold), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getJsonObject("booking");
  }

  /** A private event written into the demo room's calendar over CalDAV, as a calendar app would. */
  private void calDavEvent(LocalDate date, int hour) throws Exception {
    String appPassword = new JsonObject(hub.send("POST", "/api/v1/app-passwords",
        new JsonObject().put("label", "grid test"), token).body()).getString("secret");
    String start = at(date, hour).toString().replace("-", "").replace(":", "");
    String end = at(date, hour + 1).toString().replace("-", "").replace(":", "");
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//grid test//EN\r\nBEGIN:VEVENT\r\nUID:dentist-" + date
        + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end
        + "\r\nSUMMARY:Private dentist appointment\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(hub.url("/dav/calendars/demo/demo-room/dentist-" + date + ".ics")))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("demo:" + appPassword).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "text/calendar; charset=utf-8")
        .PUT(HttpRequest.BodyPublishers.ofString(ics)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
  }

  private void openWeekOf(LocalDate date) {
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.click("#view-week");
    browser.waitForText(By.id("agenda-range"), "Week of");
    browser.setDate("#agenda-date", date.toString());
    browser.select("#agenda-resource", "demo-room");
    browser.waiting().until(d -> browser.all(".cal-col").size() == 7);
  }

  private void expectAt(String css, String from) {
    browser.waiting().until(d -> from.equals(browser.visible(css).getAttribute("data-from")));
  }

  @Test
  @DisplayName("the week grid shows a booking, a hold with its expiry and a CalDAV event by source only, in two zones")
  void weekGridInTwoZones() throws Exception {
    LocalDate day = freeDay();
    JsonObject booking = book(day, 10, "Bea Booked", false);
    JsonObject hold = book(day, 14, "Hal Held", true);
    calDavEvent(day, 15);

    browser.desktop();
    browser.timeZone(NEW_YORK.getId());
    openWeekOf(day);
    String bookingBlock = column(day) + " [data-booking-id='" + booking.getString("id") + "']";
    String holdBlock = column(day) + " [data-booking-id='" + hold.getString("id") + "']";
    String busyBlock = column(day) + " .cal-busy[data-source='caldav']";
    expectAt(bookingBlock, "10.00");
    expectAt(holdBlock, "14.00");
    expectAt(busyBlock, "15.00");
    assertThat(browser.text(bookingBlock)).contains("Bea Booked");
    assertThat(browser.allText(bookingBlock)).contains("60-minute session", "Confirmed");
    assertThat(browser.visible(holdBlock).getAttribute("class")).contains("cal-hold");
    assertThat(browser.allText(holdBlock)).contains("Hal Held", "Held until");
    assertThat(browser.allText(busyBlock)).contains("Busy", "CalDAV").doesNotContain("dentist");
    assertThat(browser.text("#agenda-body")).doesNotContain("dentist");
    // The lunch break (12:00-13:00) is closed time: no open area covers it.
    assertThat(browser.all(column(day) + " .cal-open").stream().map(e -> e.getAttribute("data-from")).toList())
        .containsExactly("9.00", "13.00");
    browser.assertFormsLabelled();
    browser.assertAccessible("week grid");
    browser.js("arguments[0].scrollIntoView();", browser.visible("#agenda-range"));
    browser.screenshot("dashboard-week-grid");

    // The same week in New York: every block moves to New York's wall clock, on the same date there.
    browser.select("#agenda-zone-select", NEW_YORK.getId());
    browser.waitForText(By.id("agenda-zone"), "America/New York");
    expectAt(bookingBlock, hours(at(day, 10), NEW_YORK));
    expectAt(holdBlock, hours(at(day, 14), NEW_YORK));
    expectAt(busyBlock, hours(at(day, 15), NEW_YORK));
    assertThat(hours(at(day, 10), NEW_YORK)).isNotEqualTo("10.00");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("a booking's panel opens by keyboard and closes with Escape; the booking moves to a picked free time")
  void moveABookingThroughThePanel() {
    LocalDate day = freeDay();
    JsonObject booking = book(day, 11, "Mo Mover", false);
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    openWeekOf(day);
    String block = "[data-booking-id='" + booking.getString("id") + "']";
    expectAt(column(day) + " " + block, "11.00");

    browser.js("arguments[0].focus();", browser.visible(block));
    browser.press(Keys.ENTER);
    browser.waitForText(By.id("panel-details"), "mo.mover@example.com");
    assertThat(browser.text("#panel-details")).contains("Demo room", "60-minute session", "Confirmed");
    browser.assertFormsLabelled();
    browser.assertAccessible("booking panel");
    browser.press(Keys.ESCAPE);
    browser.waiting().until(d -> browser.all("#booking-panel").isEmpty());
    assertThat(browser.js("return document.activeElement.dataset.bookingId;")).isEqualTo(booking.getString("id"));

    browser.click(block);
    browser.click("#move-show");
    String target = "#move-slots button[data-start='" + at(day, 16) + "']";
    browser.click(target);
    browser.screenshot("dashboard-booking-panel");
    browser.click("#move-confirm");
    browser.waitForText(By.id("agenda-message"), "Moved Mo Mover");
    expectAt(column(day) + " " + block, "16.00");
    JsonObject moved = new JsonObject(hub.send("GET", "/api/v1/bookings/" + booking.getString("id"), null, token)
        .body()).getJsonObject("booking");
    assertThat(moved.getString("start")).isEqualTo(at(day, 16).toString());
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("a booking taken by phone: Add booking, a free time, the caller's details; it shows in the grid")
  void addABookingTakenByPhone() {
    LocalDate day = freeDay();
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    openWeekOf(day);
    browser.click("#add-booking");
    browser.visible("#add-form");
    browser.select("#add-type", "demo-60");
    browser.setDate("#add-date", day.toString());
    browser.click("#add-slots button[data-start='" + at(day, 15) + "']");
    browser.type("#add-name", "Pat Phone");
    browser.type("#add-email", "pat.phone@example.com");
    browser.assertFormsLabelled();
    browser.assertAccessible("add-booking dialog");
    browser.click("#add-submit");
    browser.waitForText(By.id("agenda-message"), "Booked Pat Phone");

    JsonObject list = new JsonObject(hub.send("GET", "/api/v1/bookings?resourceId=demo-room&from=" + at(day, 15)
        + "&to=" + at(day, 16), null, token).body());
    JsonObject taken = list.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(b -> "pat.phone@example.com".equals(b.getString("customerEmail"))).findFirst().orElseThrow();
    assertThat(taken.getString("status")).isEqualTo("CONFIRMED");
    expectAt(column(day) + " [data-booking-id='" + taken.getString("id") + "']", "15.00");
    // The caller gets the usual confirmation, as from the booking page.
    assertThat(new JsonObject(hub.send("GET", "/api/v1/notifications?limit=200", null, token).body())
        .getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(n -> taken.getString("id").equals(n.getString("bookingId"))).map(n -> n.getString("kind")))
        .contains("CONFIRMATION");

    // The caller rings back to cancel: the panel's message reaches the cancellation mail.
    browser.click("[data-booking-id='" + taken.getString("id") + "']");
    browser.click("#panel-cancel");
    browser.type("#panel-cancel-message", "As agreed on the phone, see you next week.");
    browser.assertFormsLabelled();
    browser.assertAccessible("cancel with a message");
    browser.click("#panel-cancel-confirm");
    browser.waitForText(By.id("agenda-message"), "Cancelled Pat Phone");
    browser.waiting().until(d -> browser.all("[data-booking-id='" + taken.getString("id") + "']").isEmpty());
    browser.waiting().until(d -> mailText(taken.getString("id"), "CANCELLATION")
        .contains("As agreed on the phone, see you next week."));
    browser.assertNoConsoleErrors();
  }

  /** The text of a booking's mail of a kind, as the notification log shows it once sent ("" before). */
  private String mailText(String bookingId, String kind) {
    return new JsonObject(hub.send("GET", "/api/v1/notifications?limit=200", null, token).body())
        .getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(n -> bookingId.equals(n.getString("bookingId")) && kind.equals(n.getString("kind")))
        .map(n -> new JsonObject(hub.send("GET", "/api/v1/notifications/" + n.getString("id"), null, token).body()))
        .map(n -> n.getJsonObject("content") == null ? "" : n.getJsonObject("content").getString("text", ""))
        .findFirst().orElse("");
  }

  @Test
  @DisplayName("on a 390 px phone: the day view fits, its blocks open by keyboard, and the menu is one button")
  void dayViewOnAPhone() {
    LocalDate day = freeDay();
    JsonObject booking = book(day, 10, "Pia Phone", false);
    browser.phone();
    browser.timeZone(BERLIN.getId());
    browser.logInToDashboard(hub.url("/dashboard"));
    assertThat(browser.visible("#nav-toggle").getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.all("#nav a[href='#resources']").get(0).isDisplayed()).isFalse();
    browser.setDate("#agenda-date", day.toString());
    String block = column(day) + " [data-booking-id='" + booking.getString("id") + "']";
    expectAt(block, "10.00");
    browser.js("arguments[0].scrollIntoView();", browser.visible("#agenda-range"));
    browser.screenshot("dashboard-day-phone");
    Number pageWidth = (Number) browser.js("return document.documentElement.scrollWidth;");
    assertThat(pageWidth.intValue()).as("no sideways scrolling of the page").isLessThanOrEqualTo(390);

    browser.js("arguments[0].focus();", browser.visible(block));
    browser.press(Keys.ENTER);
    browser.waitForText(By.id("panel-details"), "pia.phone@example.com");
    browser.press(Keys.ESCAPE);
    browser.waiting().until(d -> browser.all("#booking-panel").isEmpty());

    browser.click("#nav-toggle");
    browser.click("#nav a[href='#resources']");
    browser.waitForText(By.tagName("h1"), "Resources");
    assertThat(browser.text("#nav-toggle")).contains("Resources");
    browser.assertNoConsoleErrors();
  }
}
