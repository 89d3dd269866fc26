package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.dovetail.app.HubExtension;
import dev.dovetail.app.Inbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The customer's language end to end (issue 19, ADR 62): a browser that asks for German books in German (page texts,
 * dates and times in German, the confirmation and manage pages, and the confirmation and cancellation mails through
 * GreenMail over SMTP), and the language link switches a page and is remembered. The hub runs on the test's clock;
 * expected dates are computed in Java from the API's UTC instants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LanguagePagesIT {

  private static final String TYPE = "demo-30";
  private static final String PAGE = "/book/demo/demo-30";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter TAG = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMAN);

  static final GreenMail SMTP = HubExtension.startedSmtp();
  private static final Inbox INBOX = new Inbox(SMTP);

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().mailingTo(SMTP.getSmtp().getPort()).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  @AfterEach
  void cleanBrowser() {
    acceptLanguage("en-US,en;q=0.9");
  }

  @AfterAll
  void stop() {
    SMTP.stop();
  }

  /** Every request of the browser from now on says it prefers {@code header}, as a German browser would. */
  private void acceptLanguage(String header) {
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("Accept-Language", header)));
  }

  @Test
  @DisplayName("a browser asking for German books in German: page, dates, confirmation and the confirmation mail")
  void booksInGerman() throws Exception {
    acceptLanguage("de-DE,de;q=0.9,en;q=0.5");
    browser.phone();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url(PAGE));
    HubApi.Day day = hub.firstFreeDay(TYPE, BERLIN);

    assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("de");
    assertThat(browser.text(".offer-facts")).contains("Bei", "Dauer", "30 Minuten", "Stornieren");
    browser.waitForText(By.id("picker-zone-line"), "Zeiten in Europe/Berlin");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#picker-slots button")));
    assertThat(BookingPageIT.plain(browser.text("#picker-day-heading"))).isEqualTo(TAG.format(day.date()));
    assertThat(browser.text("#lang-en")).isEqualTo("English");
    browser.assertAccessible("booking page in German");
    browser.screenshot("book-german");

    String start = day.starts().get(0);
    String time = TIME.format(Instant.parse(start).atZone(BERLIN));
    browser.click("#picker-slots button[data-start='" + start + "']");
    assertThat(BookingPageIT.plain(browser.text("#book-button"))).isEqualTo(time + " buchen");
    browser.click("#book-button");
    assertThat(browser.text("#name-error")).isEqualTo("Bitte geben Sie Ihren Namen ein.");
    browser.type("#name", "Grete Müller");
    browser.type("#email", "grete@example.com");
    browser.click("#book-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "Ihr Termin ist gebucht");
    assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("de");
    assertThat(browser.text("#detail-status")).isEqualTo("Bestätigt");
    assertThat(BookingPageIT.plain(browser.text("#detail-when"))).contains(time)
        .contains(TAG.format(Instant.parse(start).atZone(BERLIN)).split(",")[0]);
    assertThat(browser.text("#ics-link")).isEqualTo("In den Kalender (.ics)");
    browser.assertAccessible("confirmation page in German");
    browser.screenshot("booked-german");
    browser.assertNoConsoleErrors();

    MimeMessage mail = INBOX.received("grete@example.com", "Bestätigt:");
    assertThat(mail.getSubject()).isEqualTo("Bestätigt: 30-minute meeting am "
        + DateTimeFormatter.ofPattern("EEEE, d. MMMM uuuu", Locale.GERMAN).format(Instant.parse(start).atZone(BERLIN))
        + " um " + time);
    assertThat(Inbox.part(mail, "text/plain")).contains("Hallo Grete Müller",
        "Ihre Buchung bei Demo Studio ist bestätigt",
        "Zeitzone:", "Europe/Berlin");
    assertThat(Inbox.part(mail, "text/html")).contains("<html lang=\"de\">", "Verschieben oder stornieren");

    // The manage page in German; cancelling sends the cancellation mail in German too.
    browser.click("#manage-link");
    browser.waiting().until(d -> browser.path().startsWith("/manage/"));
    assertThat(browser.text("#reschedule-button")).isEqualTo("Zeit ändern");
    browser.click("#cancel-button");
    browser.waitForText(By.id("cancel-heading"), "Diese Buchung stornieren?");
    browser.click("#confirm-cancel");
    browser.waitForText(By.id("cancelled-heading"), "Ihre Buchung ist storniert");
    assertThat(browser.text("#detail-status")).isEqualTo("Storniert");
    browser.assertNoConsoleErrors();
    assertThat(Inbox.part(INBOX.received("grete@example.com", "Storniert:"), "text/plain"))
        .contains("Ihre Buchung bei Demo Studio wurde storniert");
  }

  @Test
  @DisplayName("the language link switches the page without JavaScript's help, and the choice is remembered")
  void switchChangesLanguage() {
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url(PAGE));
    browser.waitForText(By.id("picker-zone-line"), "Times in Europe/Berlin");
    assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("en");
    assertThat(browser.visible("#lang-de").getAttribute("hreflang")).isEqualTo("de");

    browser.click("#lang-de");
    browser.waitForText(By.id("picker-zone-line"), "Zeiten in Europe/Berlin");
    assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("de");
    assertThat(browser.text(".offer-facts")).contains("Dauer");
    assertThat(browser.driver.findElement(By.cssSelector(".skip-link")).getAttribute("textContent"))
        .isEqualTo("Zum Inhalt springen");

    // The cookie keeps German on the next page without ?lang=, over the browser's English.
    browser.open(hub.url("/book/demo"));
    assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("de");
    assertThat(browser.text("h1")).startsWith("Termine bei");
    browser.open(hub.url("/no-such-page"));
    assertThat(browser.text("h1")).isEqualTo("Seite nicht gefunden");

    browser.open(hub.url(PAGE));
    browser.click("#lang-en");
    browser.waitForText(By.id("picker-zone-line"), "Times in Europe/Berlin");
    assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("en");
    browser.assertNoConsoleErrors(404);
  }
}
