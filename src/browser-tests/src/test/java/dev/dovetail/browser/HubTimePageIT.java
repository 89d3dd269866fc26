package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages take "today" and "now" from the hub, never from the device (ADR 30): the hub's clock is set more than a
 * year away from the browser's own date, and the booking page and the dashboard still open on the hub's days. A
 * customer whose phone clock is wrong sees the right days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HubTimePageIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private LocalDate hubToday;

  @BeforeAll
  void start() {
    // A Tuesday 10:00 in Berlin, 400+ days after both the usual start and this machine's (the browser's) date.
    Instant usual = HubClock.start(System.getProperty(HubClock.PROPERTY, ""));
    Instant machineNow = Instant.now(); // read once: both the comparison and the choice use one instant
    Instant later = usual.isAfter(machineNow) ? usual : machineNow;
    hubToday = later.plus(Duration.ofDays(400)).atZone(BERLIN).toLocalDate()
        .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
    hub.clock().set(hubToday.atTime(10, 0).atZone(BERLIN).toInstant());
  }

  @Test
  @DisplayName("the hub's clock 400 days from the browser's: the booking page opens on the hub's first free day")
  void bookingPageOpensOnTheHubsDays() {
    // The browser's date is this machine's on purpose: the page must follow the hub's, 300+ days away from it.
    LocalDate deviceToday = LocalDate.now(NEW_YORK);
    assertThat(ChronoUnit.DAYS.between(deviceToday, hub.today(NEW_YORK))).as("the hub is far from the browser")
        .isGreaterThan(300);
    browser.phone();
    browser.timeZone(NEW_YORK.getId());
    browser.open(hub.url("/book/demo/demo-30"));
    HubApi.Day day = hub.firstFreeDay("demo-30", NEW_YORK);
    assertThat(day.date()).as("10:00 in Berlin leaves free time that day").isEqualTo(hub.today(NEW_YORK));

    browser.waiting().until(d -> day.date().toString().equals(browser.visible("#picker-date").getAttribute("value")));
    browser.waiting().until(d -> browser.all("#picker-slots button").stream()
        .map(b -> b.getAttribute("data-start")).toList().equals(day.starts()));
    assertThat(browser.visible("#picker-date").getAttribute("min")).as("no day before the hub's today")
        .isEqualTo(hub.today(NEW_YORK).toString());
    assertThat(browser.visible("#picker-prev").isEnabled()).as("nothing to go back to before the hub's today")
        .isFalse();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("the dashboard's agenda opens on the hub's today and shows a booking made for later that day")
  void dashboardOpensOnTheHubsToday() {
    String start = hub.slots("demo-30", hubToday, hubToday.plusDays(1), BERLIN).get(0).getString("start");
    JsonObject receipt = hub.bookOrFail("demo-30", start, "Tess Today", "tess@example.com");
    String item = "[data-booking-id='" + receipt.getJsonObject("booking").getString("id") + "']";

    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.logInToDashboard(hub.url("/dashboard"));
    assertThat(browser.visible("#agenda-date").getAttribute("value")).isEqualTo(hubToday.toString());
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(item)));
    assertThat(browser.text(item)).contains("Tess Today", "Confirmed");
    assertThat(browser.visible(item).findElement(By.xpath("ancestor::div[@data-date]")).getAttribute("data-date"))
        .isEqualTo(hubToday.toString());
    browser.waitForText(By.id("agenda-count"), "1 active booking");
    browser.assertNoConsoleErrors();
  }
}
