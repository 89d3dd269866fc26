package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The booking page's month view and time-zone search (ADR 55) in chromium, on a 390 px phone and by keyboard: free,
 * fully booked and closed days told apart, a day chosen with the arrow keys, the focus taken to the details, the
 * reschedule picker opening at the booking's day, the page without JavaScript, and the page's weight. Days come from
 * the hub's controlled clock ({@link HubClock}); expected times are computed in Java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MonthViewIT {

  static final String TYPE = BookingPageIT.TYPE;
  static final String PAGE = BookingPageIT.PAGE;
  static final ZoneId BERLIN = BookingPageIT.BERLIN;
  static final ZoneId NEW_YORK = BookingPageIT.NEW_YORK;
  static final ZoneId TOKYO = BookingPageIT.TOKYO;
  static final DateTimeFormatter TIME = BookingPageIT.TIME;
  static final DateTimeFormatter DAY = BookingPageIT.DAY;

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  private String day(LocalDate date) {
    return "#picker-day-" + date;
  }

  private void waitForShownDay(LocalDate date) {
    browser.waiting().until(d -> DAY.format(date).equals(BookingPageIT.plain(browser.text("#picker-day-heading"))));
  }

  /** The day states the API gives for [from, to) in a zone. */
  private Map<String, Object> states(LocalDate from, LocalDate to, ZoneId zone) {
    return hub.getJson("/api/v1/public/booking-types/" + TYPE + "/slots?from=" + from + "&to=" + to + "&tz="
        + zone.getId()).getJsonArray("days").stream().map(JsonObject.class::cast)
        .collect(java.util.stream.Collectors.toMap(d -> d.getString("date"), d -> d.getString("state")));
  }

  @Test
  @DisplayName("phone 390 px: a fully booked day and a closed weekend day look different, say so, and only the full "
      + "one offers the waitlist")
  void closedAndFullyBookedDaysDiffer() {
    HubApi.Day full = hub.dayAhead(TYPE, BERLIN, 2);
    // Each booking (with its buffer) may take a neighbour too: book the first free time until none is left.
    for (List<JsonObject> left = full.slots(); !left.isEmpty();
        left = hub.slots(TYPE, full.date(), full.date().plusDays(1), BERLIN)) {
      hub.bookOrFail(TYPE, left.get(0).getString("start"), "Filler", "filler@example.com");
    }
    // The demo hours are Monday to Friday: the Saturday after the full day is closed.
    LocalDate saturday = full.date().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    Map<String, Object> api = states(full.date(), saturday.plusDays(1), BERLIN);
    assertThat(api.get(full.date().toString())).isEqualTo("full");
    assertThat(api.get(saturday.toString())).isEqualTo("closed");

    browser.phone();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url(PAGE));
    browser.visible("#picker-month");
    browser.setDate("#picker-date", full.date().toString());
    waitForShownDay(full.date());
    WebElement fullDay = browser.visible(day(full.date()));
    assertThat(fullDay.getAttribute("data-state")).isEqualTo("full");
    assertThat(fullDay.getAttribute("aria-label")).endsWith("fully booked");
    assertThat(fullDay.getText()).contains("full");
    assertThat(browser.text("#picker-empty")).contains("Fully booked");
    browser.visible("#waitlist-form");
    assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("no sideways scrolling on a phone").isTrue();
    browser.screenshot("month-full-day-phone");
    browser.assertAccessible("month view, a fully booked day with the waitlist");

    browser.setDate("#picker-date", saturday.toString());
    waitForShownDay(saturday);
    WebElement closedDay = browser.visible(day(saturday));
    assertThat(closedDay.getAttribute("data-state")).isEqualTo("closed");
    assertThat(closedDay.getAttribute("aria-label")).endsWith("closed");
    assertThat(browser.text("#picker-empty")).contains("Closed on this day");
    assertThat(browser.all("#waitlist-form")).as("no waitlist on a closed day").isEmpty();
    WebElement fullAgain = browser.visible(day(full.date()));
    assertThat(closedDay.getCssValue("background-color")).isNotEqualTo(fullAgain.getCssValue("background-color"));
    assertThat(closedDay.getCssValue("border-style")).isNotEqualTo(fullAgain.getCssValue("border-style"));
    browser.assertFormsLabelled();
    browser.screenshot("month-closed-day-phone");
    browser.assertAccessible("month view, a closed day");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("slow connection: a day chosen while the first free day is still loading stays shown when that load "
      + "answers last")
  void aDayChosenDuringTheFirstLoadStays() {
    HubApi.Day chosen = hub.dayAhead(TYPE, BERLIN, 2);
    assertThat(hub.slots(TYPE, hub.today(BERLIN), chosen.date(), BERLIN))
        .as("free time before the chosen day: the page opens on an earlier day").isNotEmpty();
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.slowNetwork(Duration.ofMillis(400));
    browser.open(hub.url(PAGE));
    // The first free day needs two answers in a row (the month, then its day); the chosen day's two go in parallel,
    // so they answer first and the first load's day answers last.
    browser.setDate("#picker-date", chosen.date().toString());
    browser.waiting().until(d -> ((Number) browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/slots?')).length;")).intValue() >= 4);
    Object heading = ((JavascriptExecutor) browser.driver).executeAsyncScript("const done = arguments[0];"
        + " setTimeout(() => done(document.getElementById('picker-day-heading').textContent), 200);");
    assertThat(BookingPageIT.plain((String) heading)).isEqualTo(DAY.format(chosen.date()));
    assertThat(browser.all("#picker-slots button")).isNotEmpty();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("keyboard: arrow keys move through the month grid (into the next month too), Enter picks the day, "
      + "choosing a slot takes the focus to the details")
  void keyboardChoiceOfADay() {
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url(PAGE));
    HubApi.Day first = hub.firstFreeDay(TYPE, BERLIN);
    waitForShownDay(first.date());
    assertThat(browser.visible(day(first.date())).getAttribute("data-state")).isEqualTo("free");
    assertThat(browser.all("#picker-month td[aria-selected='true'] button").get(0).getAttribute("data-date"))
        .isEqualTo(first.date().toString());

    // The tab stop of the grid is the shown day; a week down and a day right, as far as the next day with free time
    // at least 8 days on (a month boundary on the way is crossed by the same keys).
    LocalDate target = first.date().plusDays(8);
    while (hub.slots(TYPE, target, target.plusDays(1), BERLIN).isEmpty()) {
      target = target.plusDays(1);
    }
    browser.js("document.querySelector('#picker-month button[tabindex=\"0\"]').focus();");
    browser.press(Keys.ARROW_DOWN);
    long right = ChronoUnit.DAYS.between(first.date().plusDays(7), target);
    for (long i = 0; i < right; i++) {
      browser.press(Keys.ARROW_RIGHT);
    }
    String want = target.toString();
    browser.waiting().until(d -> want.equals(browser.js("return document.activeElement.dataset.date;")));
    browser.press(Keys.ENTER);
    waitForShownDay(target);
    List<String> starts = hub.slots(TYPE, target, target.plusDays(1), BERLIN).stream()
        .map(s -> s.getString("start")).toList();
    browser.waiting().until(d -> browser.all("#picker-slots button").stream()
        .map(b -> b.getAttribute("data-start")).toList().equals(starts));
    assertThat(browser.js("return document.activeElement.dataset.date;")).as("focus stays on the day").isEqualTo(want);

    browser.visible("#picker-slots button[data-start='" + starts.get(0) + "']").sendKeys(Keys.SPACE);
    browser.waiting().until(d -> "details-heading".equals(browser.js("return document.activeElement.id;")));
    assertThat(BookingPageIT.plain(browser.text("#chosen-time")))
        .contains(TIME.format(Instant.parse(starts.get(0)).atZone(BERLIN)));
    browser.assertFormsLabelled();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("phone 390 px: the zone search lists the detected zone first, finds Tokyo by typing, shows its name, "
      + "offset and time, and Enter switches the slots to Tokyo times")
  void zoneSearchOnAPhone() {
    browser.phone();
    browser.timeZone(NEW_YORK.getId());
    browser.open(hub.url(PAGE));
    HubApi.Day inNewYork = hub.firstFreeDay(TYPE, NEW_YORK);
    waitForShownDay(inNewYork.date());
    WebElement input = browser.visible("#picker-tz");
    assertThat(input.getAttribute("data-zone")).isEqualTo("America/New_York");
    assertThat(input.getAttribute("role")).isEqualTo("combobox");

    input.click();
    browser.press(Keys.ARROW_DOWN);
    browser.visible("#picker-tz-list");
    assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(browser.all("#picker-tz-list [role=option]").get(0).getAttribute("data-zone"))
        .as("the detected zone first").isEqualTo("America/New_York");
    browser.press(Keys.ESCAPE);
    assertThat(input.getAttribute("aria-expanded")).isEqualTo("false");

    browser.type("#picker-tz", "tokyo");
    WebElement tokyo = browser.visible("#picker-tz-list [data-zone='Asia/Tokyo']");
    assertThat(browser.all("#picker-tz-list [role=option]")).hasSize(1);
    assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(tokyo.getAttribute("id"));
    Instant now = hub.now();
    String text = BookingPageIT.plain(tokyo.getText());
    assertThat(text).contains("Japan Standard Time", "UTC+9", "Asia/Tokyo")
        .containsAnyOf(TIME.format(now.atZone(TOKYO)), TIME.format(now.plusSeconds(60).atZone(TOKYO)));
    assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("no sideways scrolling with the list open").isTrue();
    browser.screenshot("zone-search-phone");
    browser.assertAccessible("time-zone search with its list open");

    browser.press(Keys.ENTER);
    browser.waitForText(By.id("picker-zone-line"), "Asia/Tokyo");
    assertThat(input.getAttribute("data-zone")).isEqualTo("Asia/Tokyo");
    LocalDate shown = LocalDate.parse(browser.visible("#picker-date").getAttribute("value"));
    List<JsonObject> slots = hub.slots(TYPE, shown, shown.plusDays(1), TOKYO);
    assertThat(slots).isNotEmpty();
    for (JsonObject slot : slots) {
      String start = slot.getString("start");
      assertThat(BookingPageIT.plain(browser.visible("#picker-slots button[data-start='" + start + "']").getText()))
          .isEqualTo(TIME.format(Instant.parse(start).atZone(TOKYO)));
    }
    // A search by a localized name or offset finds zones too.
    browser.type("#picker-tz", "Central European");
    assertThat(browser.visible("#picker-tz-list [data-zone='Europe/Berlin']").isDisplayed()).isTrue();
    browser.assertFormsLabelled();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("manage page: the reschedule picker opens at the booking's own day")
  void rescheduleOpensAtTheBookingsDay() {
    browser.desktop();
    HubApi.Day later = hub.dayAhead(TYPE, BERLIN, 3);
    LocalDate date = later.date().plusDays(7);
    List<JsonObject> slots = hub.slots(TYPE, date, date.plusDays(1), BERLIN);
    while (slots.size() < 2) {
      date = date.plusDays(1);
      slots = hub.slots(TYPE, date, date.plusDays(1), BERLIN);
    }
    String token = hub.bookOrFail(TYPE, slots.get(0).getString("start"), "Rita Later", "rita@example.com")
        .getString("manageToken");
    browser.open(hub.url("/manage/" + token));
    browser.click("#reschedule-button");
    LocalDate bookingDay = date;
    browser.waiting().until(d -> DAY.format(bookingDay)
        .equals(BookingPageIT.plain(browser.text("#reschedule-day-heading"))));
    assertThat(browser.visible("#reschedule-day-" + date).getAttribute("data-state")).isEqualTo("free");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("without JavaScript: no endless 'Looking for free times', but the provider's address to write to")
  void withoutJavaScript() {
    String html = hub.get(PAGE).body();
    assertThat(html).contains("<noscript><link rel=\"stylesheet\" href=\"/assets/noscript.css\"></noscript>")
        .contains("mailto:");
    assertThat(hub.get("/assets/noscript.css").body()).contains("#loading { display: none; }");
    browser.desktop();
    browser.driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    try {
      browser.open(hub.url(PAGE));
      assertThat(browser.text("#no-script")).contains("needs JavaScript", "write to Demo Studio at");
      assertThat(browser.visible("#no-script a").getAttribute("href")).startsWith("mailto:");
      assertThat(browser.driver.findElement(By.id("loading")).isDisplayed()).isFalse();
    } finally {
      browser.driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }
  }

  @Test
  @DisplayName("page weight: every byte until the slots are on screen, cold cache, stays under 100 kB")
  void pageWeight() {
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    try {
      browser.phone();
      browser.timeZone(BERLIN.getId());
      browser.open(hub.url(PAGE));
      browser.visible("#picker-slots button");
      long bytes = ((Number) browser.js("return performance.getEntriesByType('navigation')[0].transferSize"
          + " + performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, 0);")).longValue();
      long requests = ((Number) browser.js("return 1 + performance.getEntriesByType('resource').length;")).longValue();
      long toSlots = ((Number) browser.js("return Math.round(performance.now());")).longValue();
      System.out.printf("booking page weight: %d requests, %d bytes, slots on screen after %d ms%n", requests, bytes,
          toSlots);
      assertThat(bytes).as("bytes until the slots are on screen").isGreaterThan(10_000).isLessThan(100_000);
    } finally {
      browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
    }
  }
}
