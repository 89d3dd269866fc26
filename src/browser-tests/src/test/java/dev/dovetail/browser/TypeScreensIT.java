package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.dovetail.app.HubExtension;
import dev.dovetail.app.Inbox;
import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.payment.domain.RefundPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The booking-type screens of features that were API-only, on a hub without Stripe that mails through GreenMail over
 * SMTP: the waitlist of a type (a time offered by hand reaches the customer's inbox; settings; removal; recovered
 * bookings), the refund tiers table with its preview checked against the server's rule at ±1 minute of a boundary,
 * online payment disabled and refused with the reason, and reminder leads saved and read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TypeScreensIT {

  static final String TYPE = "demo-60";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Pattern CLAIM = Pattern.compile("/waitlist/claim/([A-Za-z0-9._~-]+)");

  static final GreenMail SMTP = HubExtension.startedSmtp();
  private static final Inbox INBOX = new Inbox(SMTP);

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().mailingTo(SMTP.getSmtp().getPort()).build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private String token;

  @BeforeAll
  void start() {
    token = hub.demoApiToken();
  }

  @AfterAll
  void stop() {
    SMTP.stop();
  }

  private JsonObject api(String method, String path, JsonObject body, int status) {
    var response = hub.send(method, path, body, token);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return new JsonObject(response.body());
  }

  private void openTypes() {
    browser.desktop();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.nav("#types");
    browser.waitForText(By.tagName("h1"), "Booking types");
  }

  @Test
  @DisplayName("waitlist of a type: who waits, a free time offered by hand reaches the customer's inbox over SMTP,"
      + " settings saved, an entry removed, the claimed offer counted as recovered")
  void waitlistOfferByHand() throws Exception {
    HubApi.Day day = hub.dayAhead(TYPE, BERLIN, 3);
    List<JsonObject> receipts = new ArrayList<>();
    for (String start : day.starts()) {
      receipts.add(hub.bookOrFail(TYPE, start, "Guest", "guest" + receipts.size() + "@example.com"));
    }
    String wanted = day.starts().get(0);
    String freed = day.starts().get(day.starts().size() - 1);
    for (String name : List.of("Carol", "Dan")) {
      assertThat(hub.send("POST", "/api/v1/public/booking-types/" + TYPE + "/waitlist", new JsonObject()
          .put("start", wanted).put("timeZone", BERLIN.getId()).put("name", name)
          .put("email", name.toLowerCase() + "@example.com"), null).statusCode()).isEqualTo(201);
    }
    // The freed time is not the one they wait for: nothing offers it by itself, the provider does.
    JsonObject last = receipts.get(receipts.size() - 1);
    assertThat(hub.send("POST", "/api/v1/public/bookings/" + last.getString("manageToken") + "/cancel", null, null)
        .statusCode()).isEqualTo(200);

    openTypes();
    browser.click("#type-list li[data-type-id='" + TYPE + "'] button[aria-label^='Waitlist of']");
    browser.waitForText(By.tagName("h1"), "Waitlist: ");
    browser.visible("#waitlist-list");
    assertThat(browser.all("#waitlist-list > li")).hasSize(2);
    JsonArray entries = api("GET", "/api/v1/waitlist/entries?bookingTypeId=" + TYPE, null, 200).getJsonArray("items");
    String carol = entries.getJsonObject(0).getString("id");
    String dan = entries.getJsonObject(1).getString("id");
    String carolItem = "#waitlist-list li[data-entry-id='" + carol + "']";
    assertThat(browser.text(carolItem)).contains("Carol").contains("carol@example.com").contains("Waiting since");
    browser.assertFormsLabelled();
    browser.assertAccessible("waitlist");

    browser.click(carolItem + " button[data-offer]");
    browser.click("#offer-slots-" + carol + " button[data-start='" + freed + "']");
    browser.waitForText(By.id("offer-sent"), "is held for Carol");
    MimeMessage offer = INBOX.received("carol@example.com", "A slot is free for you");
    Matcher claim = CLAIM.matcher(Inbox.part(offer, "text/plain"));
    assertThat(claim.find()).as("the claim link in the mail").isTrue();
    JsonObject offered = api("GET", "/api/v1/waitlist/entries?bookingTypeId=" + TYPE, null, 200)
        .getJsonArray("items").getJsonObject(0);
    assertThat(offered.getString("status")).isEqualTo("OFFERED");
    assertThat(offered.getJsonObject("offer").getString("start")).isEqualTo(freed);
    assertThat(offered.getJsonObject("offer").getBoolean("byHand")).isTrue();
    assertThat(browser.text(carolItem)).contains("Offered");
    browser.js("document.getElementById('waitlist-recovered').scrollIntoView()");
    browser.screenshot("dashboard-waitlist");

    // Carol claims through the mail's link; Dan is removed: the list reloads with one recovered booking, as the
    // report counts it, and nobody waiting.
    assertThat(hub.send("POST", "/api/v1/public/waitlist/claim/" + claim.group(1), null, null).statusCode())
        .isEqualTo(201);
    browser.click("#waitlist-list li[data-entry-id='" + dan + "'] button[data-remove]");
    browser.click("button[data-confirm-remove='" + dan + "']");
    browser.waitForText(By.id("waitlist-message"), "Removed from the waitlist");
    assertThat(api("GET", "/api/v1/waitlist/entries?bookingTypeId=" + TYPE, null, 200).getJsonArray("items")
        .getJsonObject(1).getString("status")).isEqualTo("REMOVED");
    browser.waitForText(By.id("waitlist-recovered-type"), "1 booking of this type came from the waitlist");
    int recovered = api("GET", "/api/v1/waitlist/report", null, 200).getInteger("recoveredBookings");
    assertThat(recovered).isEqualTo(1);
    assertThat(browser.text("#waitlist-recovered-all")).contains("All your types: 1 booking,");
    assertThat(browser.text("#waitlist-empty")).contains("Nobody is waiting");
    browser.phone();
    assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
        .as("the waitlist screen fits a phone").isLessThanOrEqualTo(390);
    browser.desktop();

    browser.click("#waitlist-enabled");
    browser.type("#waitlist-claim-window", "1441");
    browser.click("#waitlist-save");
    browser.waitForText(By.id("waitlist-claim-window-error"), "from 2 to 1440");
    browser.type("#waitlist-claim-window", "45");
    browser.click("#waitlist-save");
    browser.waitForText(By.id("waitlist-settings-result"), "Off");
    assertThat(api("GET", "/api/v1/booking-types/" + TYPE + "/waitlist", null, 200))
        .isEqualTo(new JsonObject().put("enabled", false).put("claimWindowMinutes", 45));
    browser.click("#waitlist-back");
    browser.waitForText(By.tagName("h1"), "Booking types");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("a type saved to take a deposit online before the hub lost Stripe: its booking page shows the price"
      + " without 'deposit online' and a notice instead of times; its form opens as paid on site, saying why")
  void paidTypeOnAHubWithoutStripe() {
    hub.storeTypeCopy("demo-30", "deposit-old", new JsonObject().put("name", "Deposit session")
        .put("payment", "DEPOSIT").put("price", new JsonObject().put("minorUnits", 4_000).put("currency", "EUR")));
    browser.desktop();
    browser.open(hub.url("/book/demo/deposit-old"));
    browser.waitForText(By.id("not-bookable"), "needs a card payment, which cannot be taken here");
    assertThat(browser.text(".offer-facts")).contains("€40.00").doesNotContain("deposit online")
        .contains("Not bookable online");
    assertThat(browser.all("#picker")).as("no times offered").isEmpty();
    browser.open(hub.url("/book/demo"));
    assertThat(browser.text("main")).contains("Deposit session").doesNotContain("deposit online");

    openTypes();
    browser.click("#type-list button[aria-label='Edit Deposit session']");
    browser.waitForText(By.tagName("h1"), "Edit Deposit session");
    assertThat(browser.text("#paid-type-not-bookable")).contains("customers cannot book it");
    assertThat(browser.visible("#type-payment").getAttribute("value")).isEqualTo("NONE");
    browser.click("#save-type");
    browser.waitForText(By.id("types-message"), "Booking type saved");
    assertThat(api("GET", "/api/v1/booking-types/deposit-old", null, 200).getString("payment")).isEqualTo("NONE");
    browser.open(hub.url("/book/demo/deposit-old"));
    browser.waitForText(By.id("page-title"), "Deposit session");
    browser.visible("#picker");
    assertThat(browser.all("#not-bookable")).isEmpty();
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("refund tiers as a table with a preview that decides as the server does at ±1 minute of a boundary;"
      + " online payment disabled and refused with the reason on a hub without Stripe; reminder leads saved")
  void tiersPreviewNoStripeAndReminders() {
    openTypes();
    browser.click("#new-type");
    browser.waitForText(By.tagName("h1"), "New booking type");
    assertThat(browser.text("#no-card-payments")).contains("takes no card payments");
    assertThat(browser.visible("#type-payment option[value='DEPOSIT']").getAttribute("disabled")).isNotNull();
    assertThat(browser.visible("#type-payment option[value='FULL']").getAttribute("disabled")).isNotNull();

    browser.type("#type-name", "Fitting");
    browser.type("#type-id", "fitting");
    browser.type("#type-durations", "60");
    browser.type("#type-price", "40");
    browser.click("#add-tier");
    browser.type("#tier-hours-1", "48");
    browser.type("#tier-percent-1", "100");
    browser.click("#add-tier");
    browser.type("#tier-hours-2", "24");
    browser.type("#tier-percent-2", "50");
    browser.click("#add-tier");
    browser.type("#tier-hours-3", "1");
    browser.click("#tier-rows button[aria-label='Remove tier 3']");
    assertThat(browser.all("#tier-rows tr")).hasSize(2);

    List<CancellationTier> tiers = List.of(new CancellationTier(Duration.ofHours(48), 100),
        new CancellationTier(Duration.ofHours(24), 50));
    Instant start = hub.now().plus(Duration.ofDays(10));
    int[][] cases = {{23, 59, 0}, {24, 0, 50}, {24, 1, 50}, {47, 59, 50}, {48, 0, 100}, {48, 1, 100}, {0, 0, 0}};
    for (int[] c : cases) {
      browser.type("#refund-preview-hours", String.valueOf(c[0]));
      browser.type("#refund-preview-minutes", String.valueOf(c[1]));
      int server = RefundPolicy.percentAt(tiers, start, start.minus(Duration.ofMinutes(c[0] * 60L + c[1])));
      assertThat(server).as("the server's rule").isEqualTo(c[2]);
      assertThat(browser.text("#refund-preview"))
          .isEqualTo("Cancelled " + c[0] + " h " + c[1] + " min before: " + server + " % back");
    }
    browser.type("#refund-preview-hours", "23");
    browser.type("#refund-preview-minutes", "59");
    browser.js("document.getElementById('type-payments').scrollIntoView()");
    browser.screenshot("dashboard-type-payments");

    // Reminders: the default 1 day and 1 hour; the hour goes, 2 hours and 30 minutes come; 3 minutes is too close.
    assertThat(browser.all("#reminder-rows li")).hasSize(2);
    browser.click("#reminder-rows button[aria-label='Remove reminder 2']");
    browser.click("#add-reminder");
    browser.type("#reminder-3", "2");
    browser.click("#add-reminder");
    browser.type("#reminder-4", "3");
    browser.select("#reminder-4-unit", "1");
    browser.assertFormsLabelled();
    browser.assertAccessible("reminders editor");
    browser.click("#save-type");
    browser.waitForText(By.id("reminder-error"), "from 5 minutes to 30 days");
    browser.type("#reminder-4", "30");
    assertThat(browser.all("#reminder-error:not([hidden])")).as("typing clears the error").isEmpty();

    // A page from before the option was disabled (forced here) still meets the server's refusal, shown with its reason.
    browser.js("const s = document.getElementById('type-payment'); s.options[1].disabled = false; s.value = 'DEPOSIT';"
        + " s.dispatchEvent(new Event('change'));");
    browser.click("#save-type");
    browser.waitForText(By.id("type-error"), "this hub takes no card payments");
    assertThat(hub.send("GET", "/api/v1/booking-types/fitting", null, token).statusCode()).as("nothing saved")
        .isEqualTo(404);
    browser.select("#type-payment", "NONE");
    browser.click("#save-type");
    browser.waitForText(By.id("types-message"), "Booking type created");

    JsonObject saved = api("GET", "/api/v1/booking-types/fitting", null, 200);
    assertThat(saved.getJsonArray("remindersMinutes")).isEqualTo(new JsonArray().add(1440).add(120).add(30));
    assertThat(saved.getJsonArray("cancellationPolicy")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("noticeHours", 48).put("refundPercent", 100))
        .add(new JsonObject().put("noticeHours", 24).put("refundPercent", 50)));
    assertThat(saved.getString("payment")).isEqualTo("NONE");

    // Read back: the form shows what the API holds.
    browser.click("#type-list button[aria-label='Edit Fitting']");
    browser.waitForText(By.tagName("h1"), "Edit Fitting");
    assertThat(browser.all("#reminder-rows li")).hasSize(3);
    assertThat(browser.all("#tier-rows tr")).hasSize(2);
    assertThat(browser.text("#refund-preview")).isEqualTo("Cancelled 23 h 59 min before: 0 % back");

    // On a phone the tier table, the preview and the reminder rows fit the width: nothing scrolls sideways.
    browser.phone();
    browser.visible("#tier-rows");
    assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
    browser.assertNoConsoleErrors(409);
  }
}
