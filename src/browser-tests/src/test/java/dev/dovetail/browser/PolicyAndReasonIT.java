package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.dovetail.app.HubExtension;
import dev.dovetail.app.Inbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The cancellation policy and the customer's reason in chromium (ADR 68): a paid type's policy under its price, in the
 * confirmation mail and beside the exact refund on the manage page; a reason written when cancelling reaches the
 * provider (API and mail). And the waitlist on a holiday: the booking page shows the day closed, without the waitlist
 * form, and the API refuses a wish for it. The hub runs on the test's clock, with the Stripe emulator and GreenMail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PolicyAndReasonIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String PAID = "policy-30";
  /** The policy the paid type is saved with, as the catalogue says it in English. */
  private static final String POLICY = "2 days or more before the start: full refund · 24 hours or more before the "
      + "start: 50% refunded · later: no refund";
  private static final String PROVIDER_EMAIL = "demo@dovetail.local";

  static final GreenMail SMTP = HubExtension.startedSmtp();
  private static final Inbox INBOX = new Inbox(SMTP);

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().stripeEmulator().mailingTo(SMTP.getSmtp().getPort()).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private String token;

  @BeforeAll
  void start() {
    token = hub.demoApiToken();
    assertThat(hub.send("POST", "/api/v1/booking-types", new JsonObject()
        .put("id", PAID).put("resourceId", "demo-room").put("name", "Paid session")
        .put("durationsMinutes", new JsonArray().add(30))
        .put("price", new JsonObject().put("amountMinor", 4_500).put("currency", "EUR"))
        .put("payment", "FULL")
        .put("cancellationPolicy", new JsonArray()
            .add(new JsonObject().put("noticeHours", 24).put("refundPercent", 50))
            .add(new JsonObject().put("noticeHours", 48).put("refundPercent", 100))), token).statusCode())
        .isEqualTo(201);
  }

  @AfterAll
  void stop() {
    SMTP.stop();
  }

  @Test
  @DisplayName("the policy under the price, in the confirmation mail and beside the refund; the reason reaches the "
      + "provider")
  void policyShownAndReasonDelivered() throws Exception {
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url("/book/demo/" + PAID));
    assertThat(browser.text("#policy")).contains(POLICY);
    String start = hub.firstFreeDay(PAID, BERLIN).starts().get(0);
    browser.waiting().until(d -> !browser.all("#picker-slots button").isEmpty());
    browser.assertAccessible("booking page with a cancellation policy");
    browser.click("#picker-slots button[data-start='" + start + "']");
    browser.type("#name", "Rita Reason");
    browser.type("#email", "rita@example.com");
    browser.click("#book-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "Pay to confirm");
    browser.type("#emu-card-number", "4242 4242 4242 4242");
    browser.click("#pay-button");
    browser.waitForText(By.tagName("h1"), "You're booked");
    String manageToken = browser.path().substring("/booked/".length());

    MimeMessage confirmation = INBOX.received("rita@example.com", "Confirmed:");
    assertThat(Inbox.part(confirmation, "text/plain")).contains("Cancelling: " + POLICY);
    assertThat(Inbox.part(confirmation, "text/html")).contains(POLICY);

    browser.open(hub.url("/manage/" + manageToken));
    browser.click("#cancel-button");
    browser.visible("#refund-preview");
    assertThat(browser.text("#refund-preview")).contains("45");
    assertThat(browser.text("#policy-text")).contains(POLICY);
    browser.assertFormsLabelled();
    browser.assertAccessible("manage page, cancel panel with the policy and a reason");
    browser.type("#cancel-reason", "Ill <b>today</b> & sorry");
    browser.click("#confirm-cancel");
    browser.visible("#cancelled-heading");
    browser.assertNoConsoleErrors();

    JsonObject booking = hub.managed(manageToken);
    assertThat(booking.getString("status")).isEqualTo("CANCELLED");
    JsonObject seen = new JsonObject(hub.send("GET", "/api/v1/bookings/" + booking.getString("id"), null, token)
        .body()).getJsonObject("booking");
    assertThat(seen.getString("cancellationReason")).isEqualTo("Ill <b>today</b> & sorry");
    MimeMessage notice = INBOX.received(PROVIDER_EMAIL, "Cancelled by Rita Reason");
    assertThat(Inbox.part(notice, "text/plain")).contains("Their reason:", "Ill <b>today</b> & sorry");
    assertThat(Inbox.part(notice, "text/html")).contains("Ill &lt;b&gt;today&lt;/b&gt; &amp; sorry")
        .doesNotContain("<b>today");
  }

  @Test
  @DisplayName("a holiday: the booking page shows the day closed, offers no waitlist, and the API refuses a wish")
  void waitlistRefusedOnAHoliday() {
    String type = "demo-30";
    LocalDate holiday = hub.dayAhead(type, BERLIN, 2).date();
    JsonObject room = new JsonObject(hub.send("GET", "/api/v1/resources/demo-room", null, token).body());
    JsonObject availability = room.getJsonObject("availability");
    availability.put("holidays", availability.getJsonArray("holidays", new JsonArray()).copy().add(holiday.toString()));
    HttpResponse<String> saved = hub.send("PUT", "/api/v1/resources/demo-room/availability", availability, token);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(hub.slots(type, holiday, holiday.plusDays(1), BERLIN)).isEmpty();

    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url("/book/demo/" + type));
    browser.visible("#picker-month");
    browser.setDate("#picker-date", holiday.toString());
    browser.waiting().until(d -> "closed".equals(browser.visible("#picker-day-" + holiday).getAttribute("data-state"))
        && browser.text("#picker-empty").contains("Closed on this day"));
    assertThat(browser.all("#waitlist-form")).as("no waitlist on a holiday").isEmpty();
    browser.assertAccessible("booking page, a holiday");

    HttpResponse<String> wish = hub.send("POST", "/api/v1/public/booking-types/" + type + "/waitlist",
        new JsonObject().put("date", holiday.toString()).put("timeZone", BERLIN.getId()).put("name", "Hope")
            .put("email", "hope@example.com"), null);
    assertThat(wish.statusCode()).as(wish.body()).isEqualTo(400);
    assertThat(wish.body()).contains("closed then");
  }
}
