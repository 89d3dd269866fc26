package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import dev.dovetail.stripe.emulator.StripeEmulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Paying on the booking pages in a real browser: a hub configured for the Stripe emulator, whose stand-in for
 * Stripe.js ({@code DOVETAIL_STRIPE_JS_URL} = the emulator's {@code /v3/}) confirms the card against the emulator; the
 * webhook confirms the booking. A declined card says why and can be retried. A card that needs the bank's check
 * (3-D Secure, Stripe's test card 4000 0027 6000 3184) takes the challenge the stand-in opens over the page, as
 * Stripe.js does: completed, the webhook confirms the booking; failed, the page says so and another card can be used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PaymentPageIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** The hub with a Stripe emulator of its own, on its clock. */
  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().stripeEmulator().build();
  private static final StripeEmulator STRIPE = HUB.stripe();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  @BeforeAll
  void start() {
    String token = hub.demoApiToken();
    assertThat(hub.send("POST", "/api/v1/booking-types", new JsonObject()
        .put("id", "paid-30").put("resourceId", "demo-room").put("name", "Paid session")
        .put("durationsMinutes", new JsonArray().add(30))
        .put("price", new JsonObject().put("amountMinor", 4_500).put("currency", "EUR"))
        .put("payment", "FULL"), token).statusCode()).isEqualTo(201);
    assertThat(hub.send("POST", "/api/v1/booking-types", new JsonObject()
        .put("id", "retry-30").put("resourceId", "demo-room").put("name", "Paid session, retry a card")
        .put("durationsMinutes", new JsonArray().add(30))
        .put("price", new JsonObject().put("amountMinor", 4_500).put("currency", "EUR"))
        .put("payment", "FULL"), token).statusCode()).isEqualTo(201);
    assertThat(hub.send("PUT", "/api/v1/booking-types/retry-30/payment-settings", new JsonObject()
        .put("manualCapture", false).put("onPaymentFailure", "RETRY_UNTIL_HOLD_EXPIRES"), token).statusCode())
        .isEqualTo(200);
  }

  /** Books the first free time of {@code type} on the booking page; returns its start. */
  private String bookFirstFree(String type) {
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url("/book/demo/" + type));
    String start = hub.firstFreeDay(type, BERLIN).starts().get(0);
    browser.waiting().until(d -> !browser.all("#picker-slots button").isEmpty());
    browser.click("#picker-slots button[data-start='" + start + "']");
    browser.type("#name", "Zoë Payer");
    browser.type("#email", "zoe@example.com");
    browser.click("#book-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "Pay to confirm");
    return start;
  }

  @Test
  @DisplayName("a declined card (RELEASE, the default): the page says the time was released; one click books the same"
      + " time again, a good card confirms it")
  void declinedCardReleasesAndTheSameTimeIsBookedAgain() {
    String start = bookFirstFree("paid-30");
    String released = browser.path().substring("/booked/".length());
    browser.type("#emu-card-number", "4000 0000 0000 0002");
    browser.click("#pay-button");
    browser.waitForText(By.tagName("h1"), "the time was released");
    assertThat(browser.text("#payment-released")).contains("payment failed").contains("nothing was charged");
    assertThat(hub.managed(released).getString("status")).isEqualTo("CANCELLED");
    assertThat(hub.managed(released).getJsonObject("payment").getString("state")).isEqualTo("CANCELED");
    assertThat(hub.firstFreeDay("paid-30", BERLIN).starts()).as("free again at once").contains(start);
    browser.screenshot("payment-released");

    browser.click("#rebook-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/") && !browser.path().endsWith(released));
    browser.waitForText(By.tagName("h1"), "Pay to confirm");
    browser.type("#emu-card-number", "4242 4242 4242 4242");
    browser.click("#pay-button");
    browser.waitForText(By.tagName("h1"), "You're booked");
    String token = browser.path().substring("/booked/".length());
    assertThat(hub.managed(token).getString("start")).isEqualTo(start);
    assertThat(hub.managed(token).getString("status")).isEqualTo("CONFIRMED");
    assertThat(hub.managed(token).getJsonObject("payment").getString("state")).isEqualTo("PAID");
  }

  @Test
  @DisplayName("RETRY_UNTIL_HOLD_EXPIRES: a declined card is reported on the page, another card confirms: you're booked")
  void payOnTheConfirmationPage() {
    bookFirstFree("retry-30");
    browser.visible("#emu-card-number");
    assertThat(browser.text("#pay-button")).contains("45");
    browser.screenshot("pay-step");
    browser.assertAccessible("payment step");
    browser.type("#emu-card-number", "4000 0000 0000 9995");
    browser.click("#pay-button");
    browser.waitForText(By.id("payment-message"), "declined");
    browser.type("#emu-card-number", "4242 4242 4242 4242");
    browser.click("#pay-button");
    browser.waitForText(By.tagName("h1"), "You're booked");
    String token = browser.path().substring("/booked/".length());
    assertThat(hub.managed(token).getString("status")).isEqualTo("CONFIRMED");
    assertThat(hub.managed(token).getJsonObject("payment").getString("state")).isEqualTo("PAID");
    browser.screenshot("paid-booked");
  }

  @Test
  @DisplayName("3-D Secure: the bank's challenge opens over the page; \"Complete\" and the signed webhook confirm the"
      + " booking")
  void threeDSecureCompleted() {
    bookFirstFree("paid-30");
    long succeededBefore = succeededDeliveries();
    browser.type("#emu-card-number", "4000 0027 6000 3184");
    browser.click("#pay-button");
    browser.visible("#emu-3ds-frame");
    String held = browser.path().substring("/booked/".length());
    assertThat(hub.managed(held).getString("status")).as("nothing is confirmed before the check").isEqualTo("HELD");
    browser.screenshot("3ds-challenge");
    browser.clickInFrame("#emu-3ds-frame", "#emu-3ds-complete");
    browser.waitForText(By.tagName("h1"), "You're booked");
    assertThat(hub.managed(held).getString("status")).isEqualTo("CONFIRMED");
    assertThat(hub.managed(held).getJsonObject("payment").getString("state")).isEqualTo("PAID");
    browser.waiting().until(d -> succeededDeliveries() > succeededBefore);
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("3-D Secure failed (RETRY_UNTIL_HOLD_EXPIRES): the page says the bank did not confirm and nothing was"
      + " charged; the time stays held and another card confirms it")
  void threeDSecureFailedThenAnotherCard() {
    bookFirstFree("retry-30");
    String held = browser.path().substring("/booked/".length());
    browser.type("#emu-card-number", "4000 0027 6000 3184");
    browser.click("#pay-button");
    browser.clickInFrame("#emu-3ds-frame", "#emu-3ds-fail");
    browser.waitForText(By.id("payment-message"), "3-D Secure");
    assertThat(browser.text("#payment-message")).contains("nothing was charged").contains("another card");
    assertThat(browser.all("#emu-3ds-frame")).as("the challenge is closed").isEmpty();
    assertThat(hub.managed(held).getString("status")).as("still held for another try").isEqualTo("HELD");
    browser.screenshot("3ds-failed");

    browser.type("#emu-card-number", "4242 4242 4242 4242");
    browser.click("#pay-button");
    browser.waitForText(By.tagName("h1"), "You're booked");
    assertThat(hub.managed(held).getString("status")).isEqualTo("CONFIRMED");
    assertThat(hub.managed(held).getJsonObject("payment").getString("state")).isEqualTo("PAID");
  }

  @Test
  @DisplayName("3-D Secure failed (RELEASE, the default): the page says the time was released, nothing charged")
  void threeDSecureFailedReleasesTheTime() {
    String start = bookFirstFree("paid-30");
    String released = browser.path().substring("/booked/".length());
    browser.type("#emu-card-number", "4000 0027 6000 3184");
    browser.click("#pay-button");
    browser.clickInFrame("#emu-3ds-frame", "#emu-3ds-fail");
    browser.waitForText(By.tagName("h1"), "the time was released");
    assertThat(browser.text("#payment-released")).contains("nothing was charged");
    assertThat(hub.managed(released).getString("status")).isEqualTo("CANCELLED");
    assertThat(hub.firstFreeDay("paid-30", BERLIN).starts()).as("free again at once").contains(start);
  }

  @Test
  @DisplayName("dashboard on a hub with Stripe: a type taking a 30 % deposit online, authorized only (manual capture),"
      + " kept while another card is tried; saved and read back from the API and in the form")
  void paymentSettingsOnTheDashboard() {
    browser.reset();
    browser.desktop();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.nav("#types");
    browser.waitForText(By.tagName("h1"), "Booking types");
    browser.click("#new-type");
    browser.waitForText(By.tagName("h1"), "New booking type");
    assertThat(browser.all("#no-card-payments")).as("the hub takes card payments").isEmpty();
    browser.type("#type-name", "Deposit session");
    browser.type("#type-id", "deposit-30");
    browser.type("#type-durations", "30");
    browser.type("#type-horizon", "6");
    browser.type("#type-price", "50");
    browser.select("#type-payment", "DEPOSIT");
    browser.select("#type-deposit-kind", "PERCENT");
    browser.type("#type-deposit", "30");
    browser.click("#type-manual-capture");
    browser.select("#type-on-failure", "RETRY_UNTIL_HOLD_EXPIRES");
    browser.assertFormsLabelled();
    browser.assertAccessible("payment settings");
    browser.click("#save-type");
    browser.waitForText(By.id("types-message"), "Booking type created");

    String token = hub.demoApiToken();
    assertThat(new JsonObject(hub.send("GET", "/api/v1/me", null, token).body()).getBoolean("cardPayments")).isTrue();
    assertThat(new JsonObject(hub.send("GET", "/api/v1/booking-types/deposit-30", null, token).body())
        .getString("payment")).isEqualTo("DEPOSIT");
    assertThat(new JsonObject(hub.send("GET", "/api/v1/booking-types/deposit-30/payment-settings", null, token).body()))
        .isEqualTo(new JsonObject().put("manualCapture", true).put("onPaymentFailure", "RETRY_UNTIL_HOLD_EXPIRES")
            .put("depositPercent", 30));
    browser.click("#type-list button[aria-label='Edit Deposit session']");
    browser.waitForText(By.tagName("h1"), "Edit Deposit session");
    assertThat(browser.visible("#type-deposit").getAttribute("value")).isEqualTo("30");
    assertThat(browser.visible("#type-manual-capture").isSelected()).isTrue();
    assertThat(browser.visible("#type-on-failure").getAttribute("value")).isEqualTo("RETRY_UNTIL_HOLD_EXPIRES");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("booking panel of a paid booking: a partial refund reaches Stripe and leaves the booking confirmed; the"
      + " refund of the rest takes the total to the full price; \"Resend confirmation\" mails the confirmation again")
  void refundAndResendFromTheBookingPanel() {
    browser.reset();
    String start = bookFirstFree("paid-30");
    browser.type("#emu-card-number", "4242 4242 4242 4242");
    browser.click("#pay-button");
    browser.waitForText(By.tagName("h1"), "You're booked");
    String manageToken = browser.path().substring("/booked/".length());
    String bookingId = hub.managed(manageToken).getString("id");
    String token = hub.demoApiToken();

    browser.logInToDashboard(hub.url("/dashboard"));
    browser.setDate("#agenda-date", java.time.Instant.parse(start).atZone(BERLIN).toLocalDate().toString());
    browser.click("[data-booking-id='" + bookingId + "']");
    browser.waitForText(By.id("panel-details"), "zoe@example.com");
    assertThat(browser.visible("#panel-refund-amount").getAttribute("value")).isEqualTo("45.00");
    browser.type("#panel-refund-amount", "50");
    browser.click("#panel-refund");
    browser.waitForText(By.id("panel-refund-amount-error"), "Enter an amount");
    browser.type("#panel-refund-amount", "15");
    browser.assertFormsLabelled();
    browser.assertAccessible("booking panel of a paid booking");
    browser.click("#panel-refund");
    browser.waitForText(By.id("agenda-message"), "15.00 to Zoë Payer");
    JsonObject payment = new JsonObject(hub.send("GET", "/api/v1/bookings/" + bookingId, null, token).body())
        .getJsonObject("booking").getJsonObject("payment");
    assertThat(payment.getJsonObject("refunded").getLong("amountMinor")).isEqualTo(1_500);
    assertThat(payment.getString("state")).isEqualTo("PAID");
    assertThat(hub.managed(manageToken).getString("status")).as("a refund is no cancellation").isEqualTo("CONFIRMED");
    String intent = intentOf(bookingId);
    assertThat(STRIPE.refunds(intent)).extracting(r -> r.getLong("amount")).containsExactly(1_500L);

    // The rest, then the same total again: Stripe gets one more refund, of 30.00, and no third.
    browser.click("[data-booking-id='" + bookingId + "']");
    assertThat(browser.visible("#panel-refund-amount").getAttribute("value")).isEqualTo("30.00");
    browser.click("#panel-refund");
    browser.waitForText(By.id("agenda-message"), "30.00 to Zoë Payer");
    assertThat(hub.send("POST", "/api/v1/bookings/" + bookingId + "/refund", new JsonObject()
        .put("refundedMinor", 4_500), token).statusCode()).isEqualTo(200);
    assertThat(STRIPE.refunds(intent)).extracting(r -> r.getLong("amount")).containsExactly(1_500L, 3_000L);

    browser.click("[data-booking-id='" + bookingId + "']");
    assertThat(browser.all("#panel-refund")).as("nothing left to refund").isEmpty();
    browser.click("#panel-resend");
    browser.waitForText(By.id("agenda-message"), "on its way to zoe@example.com again");
    browser.waiting().until(d -> sentConfirmations(bookingId, token) == 2);
    browser.assertNoConsoleErrors();
  }

  /** The Stripe intent of a booking: the emulator's intents named in its requests, matched on their metadata. */
  private String intentOf(String bookingId) {
    return STRIPE.requests().stream().map(r -> r.getString("path"))
        .map(path -> java.util.regex.Pattern.compile("/v1/payment_intents/(pi_[A-Za-z0-9]+)").matcher(path))
        .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).distinct()
        .filter(id -> bookingId.equals(STRIPE.intent(id).getJsonObject("metadata").getString("booking_id")))
        .findFirst().orElseThrow();
  }

  /** How many confirmation mails of the booking the hub's mail sink holds (sent ones carry their content). */
  private long sentConfirmations(String bookingId, String token) {
    return new JsonObject(hub.send("GET", "/api/v1/notifications?limit=200", null, token).body())
        .getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(n -> bookingId.equals(n.getString("bookingId")) && "CONFIRMATION".equals(n.getString("kind")))
        .map(n -> new JsonObject(hub.send("GET", "/api/v1/notifications/" + n.getString("id"), null, token).body()))
        .filter(n -> n.getJsonObject("content") != null
            && n.getJsonObject("content").getString("text", "").contains("/manage/"))
        .count();
  }

  /** Webhooks of paid intents that the hub accepted (2xx). */
  private long succeededDeliveries() {
    return STRIPE.deliveries().stream().filter(d -> d.matches(".* payment_intent\\.succeeded 2\\d\\d")).count();
  }

  @Test
  @DisplayName("the payment step in German: heading, amount, a declined card's sentence; then booked, and the manage"
      + " page's refund sentence in German")
  void paymentStepInGerman() {
    try {
      browser.desktop();
      browser.timeZone(BERLIN.getId());
      browser.open(hub.url("/book/demo/retry-30?lang=de"));
      String start = hub.firstFreeDay("retry-30", BERLIN).starts().get(0);
      browser.waiting().until(d -> !browser.all("#picker-slots button").isEmpty());
      browser.click("#picker-slots button[data-start='" + start + "']");
      browser.type("#name", "Grete Müller");
      browser.type("#email", "grete@example.com");
      browser.click("#book-button");
      browser.waiting().until(d -> browser.path().startsWith("/booked/"));
      browser.waitForText(By.tagName("h1"), "Zum Bestätigen bezahlen");
      assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("de");
      assertThat(browser.text("#payment-form h2")).isEqualTo("Bezahlen Sie, um Ihre Buchung zu bestätigen");
      assertThat(browser.text("#payment-form")).contains("45,00", "€", "werden von Ihrer Karte abgebucht", "Karte");
      assertThat(BookingPageIT.plain(browser.text("#pay-button"))).isEqualTo("45,00 € bezahlen");
      browser.assertAccessible("payment step in German");
      browser.screenshot("pay-step-german");

      browser.type("#emu-card-number", "4000 0000 0000 9995");
      browser.click("#pay-button");
      browser.waitForText(By.id("payment-message"), "Ihre Karte wurde abgelehnt");
      browser.type("#emu-card-number", "4242 4242 4242 4242");
      browser.click("#pay-button");
      browser.waitForText(By.tagName("h1"), "Ihr Termin ist gebucht");
      String token = browser.path().substring("/booked/".length());

      browser.open(hub.url("/manage/" + token));
      browser.waitForText(By.id("detail-status"), "Bestätigt");
      browser.click("#cancel-button");
      browser.waitForText(By.id("refund-preview"), "45,00");
      assertThat(browser.text("#refund-preview")).contains("bezahlt").doesNotContain("paid");
      browser.assertNoConsoleErrors(402); // the declined card's answer from Stripe
    } finally {
      browser.reset(); // the language cookie goes: the other tests read English pages
    }
  }
}
