package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A booking type's description, video link and questions end to end (ADR 49): the provider defines them on the
 * booking-type screen, a customer on a phone reads them and books answering the questions (a required one refused
 * while blank), and the provider finds the answers in the agenda's booking panel and in the new-booking mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TypeDetailsPageIT {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String VIDEO = "https://meet.example.com/tax-room";
  static final DateTimeFormatter MAIL_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  @Test
  @DisplayName("the provider defines a description, a video link and two questions; a customer answers; the provider "
      + "sees the answers")
  void questionsAskedAnsweredAndShown() throws Exception {
    // The provider: the booking-type screen.
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.nav("#types");
    browser.waitForText(By.tagName("h1"), "Booking types");
    browser.click("#new-type");
    browser.waitForText(By.tagName("h1"), "New booking type");
    browser.type("#type-name", "Tax advice");
    browser.type("#type-id", "tax-advice");
    browser.select("#type-resource", "demo-room");
    browser.type("#type-durations", "60");
    browser.type("#type-description", "Bring last year's papers.\n<b>Not bold</b>");
    browser.select("#type-location-kind", "VIDEO");
    browser.type("#type-location-value", "http://meet.example.com/tax-room");
    browser.click("#add-question");
    assertThat(browser.js("return document.activeElement.closest('.question-row') !== null;")).isEqualTo(true);
    browser.type("#type-questions li:nth-child(1) input[id^='question-label']", "Topic");
    browser.select("#type-questions li:nth-child(1) select", "CHOICE");
    browser.type("#type-questions li:nth-child(1) textarea", "Income tax\nRent");
    browser.click("#type-questions li:nth-child(1) input[type='checkbox']");
    browser.click("#add-question");
    browser.type("#type-questions li:nth-child(2) input[id^='question-label']", "Phone for call-backs");
    browser.select("#type-questions li:nth-child(2) select", "PHONE");
    browser.click("#save-type");
    browser.waitForText(By.id("type-location-value-error"), "https://");
    browser.type("#type-location-value", VIDEO);
    browser.assertFormsLabelled();
    browser.assertAccessible("type details editor");
    browser.screenshot("dashboard-type-details");
    browser.click("#save-type");
    browser.waitForText(By.id("types-message"), "Booking type created");

    JsonObject type = new JsonObject(hub.send("GET", "/api/v1/booking-types/tax-advice", null, hub.demoApiToken())
        .body());
    assertThat(type.getJsonObject("location")).isEqualTo(new JsonObject().put("kind", "VIDEO").put("value", VIDEO));
    JsonArray questions = type.getJsonArray("questions");
    assertThat(questions).hasSize(2);
    assertThat(questions.getJsonObject(0).getJsonArray("options")).containsExactly("Income tax", "Rent");
    assertThat(questions.getJsonObject(0).getBoolean("required")).isTrue();
    assertThat(questions.getJsonObject(1).getString("kind")).isEqualTo("PHONE");

    // The customer, on a phone.
    browser.reset();
    browser.phone();
    browser.timeZone(BERLIN.getId());
    HubApi.Day day = hub.firstFreeDay("tax-advice", BERLIN);
    String start = day.starts().get(0);
    browser.open(hub.url("/book/demo/tax-advice"));
    assertThat(browser.text("#type-description")).isEqualTo("Bring last year's papers.\n<b>Not bold</b>");
    assertThat(browser.all("#type-description b")).isEmpty();
    assertThat(browser.visible("#type-location a").getAttribute("href")).isEqualTo(VIDEO);
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#picker-slots button[data-start='" + start + "']")));
    browser.click("#picker-slots button[data-start='" + start + "']");
    browser.waiting().until(d -> browser.all("#type-questions select").size() == 1);
    browser.type("#name", "Quinn Question");
    browser.type("#email", "quinn@example.com");
    browser.type("#type-questions input[type='tel']", "call me");
    browser.click("#book-button");
    assertThat(browser.text("#question-0-error")).isEqualTo("Please choose one.");
    assertThat(browser.text("#question-1-error")).contains("phone number");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("question-0");
    assertThat(browser.path()).isEqualTo("/book/demo/tax-advice");
    browser.assertFormsLabelled();
    browser.assertAccessible("booking page with questions");
    assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("no sideways scrolling on a phone").isTrue();
    browser.screenshot("book-questions-phone");
    browser.select("#question-0", "Rent");
    browser.type("#question-1", "+49 30 1234567");
    browser.click("#book-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "You're booked");
    assertThat(browser.text("#detail-location")).isEqualTo(VIDEO);
    assertThat(browser.text("#booking-details")).contains("Topic", "Rent", "Phone for call-backs", "+49 30 1234567");
    assertThat(browser.visible("#google-link").getAttribute("href")).contains("meet.example.com%2Ftax-room");
    String token = browser.path().substring("/booked/".length());
    JsonObject booking = hub.managed(token);
    assertThat(booking.getJsonArray("answers")).hasSize(2);
    browser.assertNoConsoleErrors();

    // The provider again: the booking's panel in the agenda, and the new-booking mail.
    browser.reset();
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.click("#view-week");
    browser.waitForText(By.id("agenda-range"), "Week of");
    browser.setDate("#agenda-date", day.date().toString());
    browser.select("#agenda-resource", "demo-room");
    String block = "[data-booking-id='" + booking.getString("id") + "']";
    browser.waiting().until(d -> !browser.all(block).isEmpty());
    browser.js("arguments[0].focus();", browser.visible(block));
    browser.press(Keys.ENTER);
    browser.waitForText(By.id("panel-details"), "quinn@example.com");
    assertThat(browser.text("#panel-details")).contains("Topic", "Rent", "Phone for call-backs", "+49 30 1234567");
    browser.screenshot("dashboard-booking-answers");
    browser.press(Keys.ESCAPE);

    ZonedDateTime local = Instant.parse(start).atZone(BERLIN);
    String mail = hub.sentMailText("demo@dovetail.local",
        "New booking: Quinn Question, " + MAIL_DATE.format(local) + " " + MAIL_TIME.format(local));
    assertThat(mail).contains("Answers:\n  Topic: Rent\n  Phone for call-backs: +49 30 1234567")
        .contains("Video call: " + VIDEO);
    browser.assertNoConsoleErrors();
  }
}
