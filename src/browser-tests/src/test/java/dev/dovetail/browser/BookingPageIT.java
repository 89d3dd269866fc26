package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The customer's side in a real browser: the booking page on a phone and on a desktop, time zones, the confirmation
 * with its .ics link, the manage page (cancel, reschedule), the slot-taken race, and error pages. Expected times are
 * computed in Java from the API's UTC instants, never read back from the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BookingPageIT {

  static final String TYPE = "demo-30";
  static final String PAGE = "/book/demo/demo-30";
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  /** Browsers write the space before AM/PM as a narrow no-break space; compare text as a person reads it. */
  static String plain(String text) {
    return text.replace('\u202f', ' ').replace('\u00a0', ' ').strip();
  }

  static String time(String instant, ZoneId zone) {
    return TIME.format(Instant.parse(instant).atZone(zone));
  }

  private List<WebElement> slotButtons() {
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#picker-slots button")));
    return browser.all("#picker-slots button");
  }

  private List<String> shownStarts() {
    return slotButtons().stream().map(b -> b.getAttribute("data-start")).toList();
  }

  /** The page opened on the first free day in the zone, listing exactly the API's slots, each at its right time. */
  private void assertShowsDay(HubApi.Day day, ZoneId zone) {
    browser.waitForText(By.id("picker-zone-line"), zone.getId().replace('_', ' '));
    browser.waiting().until(d -> shownStarts().equals(day.starts()));
    assertThat(plain(browser.text("#picker-day-heading"))).isEqualTo(DAY.format(day.date()));
    assertThat(browser.visible("#picker-date").getAttribute("value")).isEqualTo(day.date().toString());
    for (WebElement button : slotButtons()) {
      assertThat(plain(button.getText())).as("slot " + button.getAttribute("data-start") + " in " + zone)
          .isEqualTo(time(button.getAttribute("data-start"), zone));
    }
  }

  /** Searches the time-zone combobox and clicks the zone in its list. */
  private void chooseZone(String query, ZoneId zone) {
    browser.type("#picker-tz", query);
    browser.click("#picker-tz-list [data-zone='" + zone.getId() + "']");
  }

  private void fillDetails(String name, String email) {
    browser.type("#name", name);
    browser.type("#email", email);
  }

  private String tokenFromPath() {
    String path = browser.path();
    assertThat(path).startsWith("/booked/");
    return path.substring("/booked/".length());
  }

  @Test
  @DisplayName("phone 390x844: opens on the first free day in the visitor's zone, validates, books, confirms with .ics")
  void fullBookingOnAPhone() {
    browser.phone();
    browser.timeZone(NEW_YORK.getId());
    browser.open(hub.url(PAGE));
    HubApi.Day day = hub.firstFreeDay(TYPE, NEW_YORK);

    assertThat(((Number) browser.js("return window.innerWidth;")).intValue()).isEqualTo(390);
    assertThat(browser.text("h1")).isEqualTo("30-minute meeting");
    assertThat(browser.text(".offer-facts")).contains("Demo Studio", "Demo room", "30 minutes");
    assertThat(browser.visible("#picker-tz").getAttribute("data-zone")).isEqualTo("America/New_York");
    assertShowsDay(day, NEW_YORK);
    assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("no sideways scrolling on a phone").isTrue();
    browser.assertLandmarks();
    browser.assertFormsLabelled();
    browser.assertAccessible("booking page on a phone");
    browser.screenshot("book-phone");

    String start = day.starts().get(Math.min(1, day.starts().size() - 1));
    browser.click("#picker-slots button[data-start='" + start + "']");
    assertThat(browser.visible("#picker-slots button[data-start='" + start + "']").getAttribute("aria-pressed"))
        .isEqualTo("true");
    assertThat(plain(browser.text("#book-button"))).isEqualTo("Book " + time(start, NEW_YORK));

    // Validation: nothing is sent until name and e-mail are right; errors are tied to their fields.
    browser.type("#email", "not-an-address");
    browser.click("#book-button");
    assertThat(browser.text("#name-error")).contains("enter your name");
    assertThat(browser.text("#email-error")).contains("e-mail address");
    assertThat(browser.visible("#email").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("name");
    browser.assertFormsLabelled();
    browser.assertAccessible("booking form with errors");
    browser.screenshot("book-phone-validation");

    fillDetails("Ada Lovelace", "ada@example.com");
    browser.click("#book-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "You're booked");
    String token = tokenFromPath();
    assertThat(browser.text("#detail-what")).isEqualTo("30-minute meeting");
    assertThat(plain(browser.text("#detail-when"))).contains(time(start, NEW_YORK));
    assertThat(browser.text("#detail-status")).isEqualTo("Confirmed");
    browser.assertLandmarks();
    browser.assertAccessible("confirmation page");
    browser.screenshot("booked-phone");

    JsonObject booking = hub.managed(token);
    assertThat(booking.getString("start")).isEqualTo(start);
    assertThat(booking.getString("timeZone")).isEqualTo("America/New_York");
    assertThat(booking.getString("customerEmail")).isEqualTo("ada@example.com");

    String ics = browser.visible("#ics-link").getAttribute("href");
    HttpResponse<String> calendar = hub.get(ics.substring(ics.indexOf("/api/")));
    assertThat(calendar.statusCode()).isEqualTo(200);
    assertThat(calendar.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    String utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
        .format(Instant.parse(start));
    assertThat(calendar.body()).contains("BEGIN:VEVENT", "DTSTART:" + utc, "SUMMARY:30-minute meeting with Demo Studio",
        "STATUS:CONFIRMED", "UID:" + booking.getString("id") + "@dovetail");
    assertThat(browser.visible("#manage-link").getAttribute("href")).endsWith("/manage/" + token);
    String endUtc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
        .format(Instant.parse(booking.getString("end")));
    String google = java.net.URLDecoder.decode(browser.visible("#google-link").getAttribute("href"),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(google).startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE")
        .contains("dates=" + utc + "/" + endUtc, "text=30-minute meeting with Demo Studio", "/manage/" + token,
            "ctz=America/New_York");
    String outlook = java.net.URLDecoder.decode(browser.visible("#outlook-link").getAttribute("href"),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(outlook).startsWith("https://outlook.live.com/calendar/0/deeplink/compose?")
        .contains("startdt=" + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC).format(Instant.parse(start)), "subject=30-minute meeting with Demo Studio");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("desktop: the next day by keyboard, a slot by keyboard, the form submitted with Enter")
  void fullBookingOnADesktopWithTheKeyboard() {
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url(PAGE));
    HubApi.Day first = hub.firstFreeDay(TYPE, BERLIN);
    assertShowsDay(first, BERLIN);
    assertThat(((Number) browser.js("return window.innerWidth;")).intValue()).isEqualTo(1280);

    // The next day with free time, reached with the "next day" button pressed from the keyboard.
    LocalDate next = first.date().plusDays(1);
    List<JsonObject> nextSlots = hub.slots(TYPE, next, next.plusDays(1), BERLIN);
    while (nextSlots.isEmpty()) {
      browser.visible("#picker-next").sendKeys(Keys.ENTER);
      next = next.plusDays(1);
      nextSlots = hub.slots(TYPE, next, next.plusDays(1), BERLIN);
    }
    browser.visible("#picker-next").sendKeys(Keys.ENTER);
    HubApi.Day day = new HubApi.Day(next, nextSlots);
    assertShowsDay(day, BERLIN);
    browser.screenshot("book-desktop");

    String start = day.starts().get(day.starts().size() - 1);
    WebElement slot = browser.visible("#picker-slots button[data-start='" + start + "']");
    slot.sendKeys(Keys.SPACE);
    browser.visible("#name").sendKeys("Grace Hopper");
    browser.visible("#email").sendKeys("grace@example.com", Keys.ENTER);
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "You're booked");
    browser.screenshot("booked-desktop");
    JsonObject booking = hub.managed(tokenFromPath());
    assertThat(booking.getString("start")).isEqualTo(start);
    assertThat(booking.getString("customerName")).isEqualTo("Grace Hopper");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("switching the time zone re-renders the same free instants at the times Java computes for the new zone")
  void switchingTheTimeZoneChangesTheShownTimes() {
    browser.desktop();
    browser.timeZone(NEW_YORK.getId());
    browser.open(hub.url(PAGE));
    HubApi.Day inNewYork = hub.firstFreeDay(TYPE, NEW_YORK);
    assertShowsDay(inNewYork, NEW_YORK);
    String instant = inNewYork.starts().get(0);
    String newYorkText = plain(browser.visible("#picker-slots button[data-start='" + instant + "']").getText());

    chooseZone("Tokyo", TOKYO);
    browser.waitForText(By.id("picker-zone-line"), "Asia/Tokyo");
    // The page keeps the day when it still has free time in Tokyo, else moves to the next such day.
    LocalDate shown = LocalDate.parse(browser.visible("#picker-date").getAttribute("value"));
    HubApi.Day inTokyo = new HubApi.Day(shown, hub.slots(TYPE, shown, shown.plusDays(1), TOKYO));
    assertThat(inTokyo.slots()).isNotEmpty();
    assertShowsDay(inTokyo, TOKYO);
    browser.assertNoConsoleErrors();

    // The same instant, 14 hours later on the wall clock (13 when New York keeps summer time).
    LocalDate tokyoDayOfInstant = Instant.parse(instant).atZone(TOKYO).toLocalDate();
    browser.setDate("#picker-date", tokyoDayOfInstant.toString());
    WebElement same = browser.visible("#picker-slots button[data-start='" + instant + "']");
    assertThat(plain(same.getText())).isEqualTo(time(instant, TOKYO)).isNotEqualTo(newYorkText);
    assertThat(newYorkText).isEqualTo(time(instant, NEW_YORK));
    browser.screenshot("book-tokyo");

    chooseZone("Berlin", BERLIN);
    browser.waitForText(By.id("picker-zone-line"), "Europe/Berlin");
    LocalDate berlinDay = LocalDate.parse(browser.visible("#picker-date").getAttribute("value"));
    assertShowsDay(new HubApi.Day(berlinDay, hub.slots(TYPE, berlinDay, berlinDay.plusDays(1), BERLIN)), BERLIN);
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("someone books the chosen slot first: the page says so, offers the nearest free times, one of them books")
  void slotTakenBetweenPageLoadAndSubmit() {
    browser.phone();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url(PAGE));
    HubApi.Day day = hub.firstFreeDay(TYPE, BERLIN);
    assertShowsDay(day, BERLIN);
    String wanted = day.starts().get(day.starts().size() / 2);
    browser.click("#picker-slots button[data-start='" + wanted + "']");
    fillDetails("Second Customer", "second@example.com");

    hub.bookOrFail(TYPE, wanted, "First Customer", "first@example.com");

    browser.click("#book-button");
    browser.waitForText(By.id("conflict"), "this time was just taken");
    List<String> offered = browser.all("#alternatives button").stream().map(b -> b.getAttribute("data-start")).toList();
    assertThat(offered).isNotEmpty().doesNotContain(wanted);
    List<String> free = hub.slots(TYPE, day.date(), day.date().plusDays(14), BERLIN).stream()
        .map(s -> s.getString("start")).toList();
    assertThat(free).as("every alternative is free").containsAll(offered);
    browser.waiting().until(d -> !shownStarts().contains(wanted));
    browser.assertFormsLabelled();
    browser.assertAccessible("slot-taken alternatives");
    browser.screenshot("book-slot-taken");

    String alternative = offered.get(0);
    browser.click("#alternatives button[data-start='" + alternative + "']");
    browser.waiting().until(d -> plain(browser.text("#book-button")).equals("Book " + time(alternative, BERLIN)));
    assertThat(browser.visible("#name").getAttribute("value")).isEqualTo("Second Customer");
    browser.click("#book-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "You're booked");
    assertThat(hub.managed(tokenFromPath()).getString("start")).isEqualTo(alternative);
    browser.assertNoConsoleErrors(409);
  }

  @Test
  @DisplayName("manage page: shows what is cancelled and the refund (no payment) first, then cancels and frees the slot")
  void cancelFromTheManagePage() {
    browser.phone();
    HubApi.Day day = hub.dayAhead(TYPE, BERLIN, 2);
    String start = day.starts().get(day.starts().size() - 1);
    String token = hub.bookOrFail(TYPE, start, "Carla Cancel", "carla@example.com").getString("manageToken");

    browser.open(hub.url("/manage/" + token));
    browser.waitForText(By.id("detail-status"), "Confirmed");
    assertThat(browser.text("#detail-name")).isEqualTo("Carla Cancel");
    assertThat(plain(browser.text("#detail-when"))).contains(time(start, BERLIN));
    browser.assertLandmarks();
    browser.assertAccessible("manage page");
    browser.screenshot("manage");

    browser.click("#cancel-button");
    assertThat(plain(browser.text("#cancel-what"))).contains("30-minute meeting", "Demo Studio", time(start, BERLIN));
    assertThat(browser.text("#refund-preview")).contains("Refund", "No payment was taken", "nothing to refund");
    browser.screenshot("manage-cancel-preview");
    assertThat(hub.managed(token).getString("status")).as("nothing cancelled before confirming").isEqualTo("CONFIRMED");

    browser.click("#confirm-cancel");
    browser.waitForText(By.id("messages"), "Your booking is cancelled");
    browser.waitForText(By.id("detail-status"), "Cancelled");
    assertThat(browser.all("#cancel-button")).isEmpty();
    assertThat(browser.visible("#book-again").getAttribute("href")).endsWith(PAGE);
    browser.screenshot("manage-cancelled");
    assertThat(hub.managed(token).getString("status")).isEqualTo("CANCELLED");
    assertThat(hub.slots(TYPE, day.date(), day.date().plusDays(1), BERLIN).stream().map(s -> s.getString("start")))
        .as("the slot is free again").contains(start);
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("manage page: reschedule to another free time in one step")
  void rescheduleFromTheManagePage() {
    browser.desktop();
    HubApi.Day day = hub.dayAhead(TYPE, BERLIN, 3);
    String start = day.starts().get(0);
    String token = hub.bookOrFail(TYPE, start, "Rita Move", "rita@example.com").getString("manageToken");

    browser.open(hub.url("/manage/" + token));
    browser.click("#reschedule-button");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reschedule-slots button")));
    List<String> offered = browser.all("#reschedule-slots button").stream().map(b -> b.getAttribute("data-start"))
        .toList();
    assertThat(offered).doesNotContain(start);
    String target = offered.get(offered.size() - 1);
    browser.click("#reschedule-slots button[data-start='" + target + "']");
    browser.assertFormsLabelled();
    browser.assertAccessible("manage page, reschedule");
    browser.screenshot("manage-reschedule");
    browser.click("#confirm-reschedule");
    browser.waitForText(By.id("messages"), "Your booking was moved");
    assertThat(plain(browser.text("#detail-when"))).contains(time(target, BERLIN));
    assertThat(hub.managed(token).getString("start")).isEqualTo(target);
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("the provider's page lists its types; choosing one opens its booking page")
  void providerPageLeadsToTheBookingPage() {
    browser.desktop();
    browser.open(hub.url("/book/demo"));
    assertThat(browser.text("h1")).isEqualTo("Book with Demo Studio");
    browser.assertAccessible("provider page");
    browser.click("a[href='" + PAGE + "']");
    browser.waiting().until(d -> browser.path().equals(PAGE));
    browser.waitForText(By.tagName("h1"), "30-minute meeting");
    browser.assertLandmarks();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("error pages: another provider's booking type and unknown pages are 404 pages; a bad link says why")
  void errorsAreNeverBlankPages() {
    browser.desktop();
    HttpResponse<String> wrongProvider = hub.get("/book/someone-else/demo-30");
    assertThat(wrongProvider.statusCode()).isEqualTo(404);
    assertThat(wrongProvider.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(hub.get("/book/demo/no-such-type").statusCode()).isEqualTo(404);
    assertThat(hub.get("/book/no-such-provider").statusCode()).isEqualTo(404);
    assertThat(hub.get("/manage/not%20a%20token").statusCode()).isEqualTo(404);

    browser.open(hub.url("/book/someone-else/demo-30"));
    assertThat(browser.text("h1")).isEqualTo("Page not found");
    browser.assertLandmarks();
    browser.screenshot("not-found");
    browser.assertAccessible("not-found page");
    browser.assertNoConsoleErrors(404);

    browser.open(hub.url("/manage/nobooking.abcdefghijkl"));
    browser.waitForText(By.cssSelector(".alert-error"), "We could not load this booking");
    assertThat(browser.text(".problem-detail")).isNotBlank();
    browser.assertNoConsoleErrors(404);
  }
}
