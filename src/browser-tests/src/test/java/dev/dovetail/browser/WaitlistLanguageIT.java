package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.dovetail.app.HubExtension;
import dev.dovetail.app.Inbox;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The waitlist in the customer's language (issue 19, ADR 65): a customer on the German booking page joins the
 * waitlist of a fully booked day; the join confirmation and, after a cancellation, the offer come in German through
 * GreenMail over SMTP, and the offer's claim link opens the claim page in German, which books the held slot. The hub
 * runs on the test's clock; expected dates are computed in Java from the API's UTC instants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WaitlistLanguageIT {

  private static final String TYPE = "demo-60";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter TAG = DateTimeFormatter.ofPattern("EEEE, d. MMMM uuuu", Locale.GERMAN);
  private static final Pattern CLAIM = Pattern.compile("/waitlist/claim/\\S+\\?lang=de");

  static final GreenMail SMTP = HubExtension.startedSmtp();
  private static final Inbox INBOX = new Inbox(SMTP);

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().mailingTo(SMTP.getSmtp().getPort()).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  @AfterAll
  void stopSmtp() {
    SMTP.stop();
  }

  @Test
  @DisplayName("a German customer joins the waitlist: join and offer mails in German, the claim page in German")
  void waitlistInGerman() throws Exception {
    HubApi.Day day = hub.dayAhead(TYPE, BERLIN, 2);
    List<JsonObject> receipts = new ArrayList<>();
    for (String start : day.starts()) {
      receipts.add(hub.bookOrFail(TYPE, start, "Gast", "gast@example.com"));
    }

    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url("/book/demo/" + TYPE + "?lang=de"));
    browser.visible("#picker-date");
    browser.setDate("#picker-date", day.date().toString());
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("waitlist-form")));
    browser.type("#waitlist-name", "Grete Müller");
    browser.type("#waitlist-email", "grete@example.com");
    browser.click("#waitlist-button");
    browser.waitForText(By.id("waitlist-joined"), "Warteliste");
    browser.assertAccessible("waitlist join in German");

    MimeMessage joined = INBOX.received("grete@example.com", "Sie stehen auf der Warteliste");
    assertThat(joined.getSubject()).isEqualTo("Sie stehen auf der Warteliste: 60-minute session am "
        + TAG.format(day.date()));
    assertThat(Inbox.part(joined, "text/plain")).contains("Hallo Grete Müller", "Zeitzone:", "Europe/Berlin",
        "/waitlist/leave/").contains("?lang=de");
    assertThat(Inbox.part(joined, "text/html")).contains("<html lang=\"de\">", "Warteliste verlassen");

    JsonObject cancelled = receipts.get(0);
    assertThat(hub.send("POST", "/api/v1/public/bookings/" + cancelled.getString("manageToken") + "/cancel", null,
        null).statusCode()).isEqualTo(200);
    MimeMessage offer = INBOX.received("grete@example.com", "Eine Zeit ist für Sie frei");
    String start = TAG.format(Instant.parse(hub.managed(cancelled.getString("manageToken")).getString("start"))
        .atZone(BERLIN));
    assertThat(offer.getSubject()).startsWith("Eine Zeit ist für Sie frei: 60-minute session am " + start + " um ")
        .contains("(annehmen bis ");
    String text = Inbox.part(offer, "text/plain");
    assertThat(text).contains("Hallo Grete Müller", "innerhalb von", "Minuten");
    assertThat(Inbox.part(offer, "text/html")).contains("<html lang=\"de\">", "Diese Zeit annehmen");

    Matcher claim = CLAIM.matcher(text);
    assertThat(claim.find()).as(text).isTrue();
    browser.reset(); // no language cookie: the link alone decides
    browser.open(hub.url(claim.group()));
    assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("de");
    browser.waitForText(By.id("held-slot"), "ist für Sie bis");
    assertThat(browser.text("#claim-button")).isEqualTo("Diese Zeit buchen");
    browser.assertAccessible("waitlist claim page in German");
    browser.screenshot("waitlist-claim-german");
    browser.click("#claim-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.id("page-title"), "Ihr Termin ist gebucht");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("an unknown claim link: the page says so in German, from the problem's type, not the API's English")
  void unknownLinkInGerman() {
    browser.reset();
    browser.desktop();
    browser.open(hub.url("/waitlist/claim/nosuchentry.abcdefghijkl?lang=de"));
    browser.waitForText(By.id("held-slot"), "nicht mehr für Sie reserviert");
    browser.click("#claim-button");
    browser.waitForText(By.cssSelector(".alert-error h2"), "Nicht gebucht");
    assertThat(browser.text(".problem-detail")).isEqualTo("Zu diesem Link wurde nichts gefunden. Prüfen Sie, ob Sie"
        + " den ganzen Link aus Ihrer E-Mail geöffnet haben.");
    assertThat(browser.text("#page-title")).isEqualTo("Diese Zeit konnte nicht gebucht werden");
    browser.assertAccessible("unknown claim link in German");
    browser.assertNoConsoleErrors(404);
  }
}
