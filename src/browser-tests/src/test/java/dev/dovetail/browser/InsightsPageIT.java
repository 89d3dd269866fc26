package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import dev.dovetail.stripe.emulator.StripeEmulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The dashboard's Insights screen against {@code GET /api/v1/insights}: bookings seeded through the public API (two
 * confirmed, one cancelled, one paid through the Stripe emulator, one paid and then marked a no-show once the hub's
 * clock passed its start); the numbers on screen are the API's, and the CSV link downloads the same bookings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InsightsPageIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final HubClock CLOCK = HubClock.fromProperty();

  /** The hub with a Stripe emulator of its own, on its clock. */
  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub(CLOCK).stripeEmulator().build();
  private static final StripeEmulator STRIPE = HUB.stripe();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private String token;
  private String paidId;

  @BeforeAll
  void start() throws Exception {
    token = hub.demoApiToken();
    assertThat(hub.send("POST", "/api/v1/booking-types", new JsonObject()
        .put("id", "paid-30").put("resourceId", "demo-room").put("name", "Paid session")
        .put("durationsMinutes", new JsonArray().add(30))
        .put("price", new JsonObject().put("amountMinor", 4_500).put("currency", "EUR"))
        .put("payment", "FULL"), token).statusCode()).isEqualTo(201);

    List<String> starts = hub.dayAhead("demo-30", BERLIN, 4).starts();
    hub.bookOrFail("demo-30", starts.get(0), "Ada", "ada@example.com");
    JsonObject cancelled = hub.bookOrFail("demo-30", starts.get(2), "Bo", "bo@example.com");
    assertThat(hub.send("POST", "/api/v1/public/bookings/" + cancelled.getString("manageToken") + "/cancel", null,
        null).statusCode()).isEqualTo(200);
    List<String> paidStarts = hub.dayAhead("paid-30", BERLIN, 6).starts();
    paidId = pay(hub.bookOrFail("paid-30", paidStarts.get(paidStarts.size() - 1), "Cy", "cy@example.com"));
    JsonObject noShow = hub.bookOrFail("paid-30", paidStarts.get(paidStarts.size() - 3), "Di", "di@example.com");
    String noShowId = pay(noShow);
    // The customer did not come: once the booking has started, on the hub's (and Stripe's) clock.
    Instant started = Instant.parse(noShow.getJsonObject("booking").getString("start")).plus(Duration.ofMinutes(5));
    CLOCK.set(started);
    STRIPE.setClock(started);
    HttpResponse<String> marked = hub.send("POST", "/api/v1/bookings/" + noShowId + "/no-show", null, token);
    assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
  }

  /** Pays a held booking the way Stripe.js does and waits until the webhook confirmed it; answers its id. */
  private String pay(JsonObject receipt) throws Exception {
    String manage = receipt.getString("manageToken");
    JsonObject checkout = new JsonObject(hub.send("POST", "/api/v1/public/bookings/" + manage + "/payment", null,
        null).body());
    String secret = checkout.getString("clientSecret");
    String intent = secret.substring(0, secret.indexOf("_secret_"));
    HttpResponse<String> paid = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(STRIPE.apiBase() + "/v1/payment_intents/" + intent + "/confirm"))
        .header("Authorization", "Bearer " + HubExtension.STRIPE_PUBLISHABLE_KEY)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
            + "&payment_method=pm_card_visa")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(new JsonObject(paid.body()).getString("status")).as(paid.body()).isEqualTo("succeeded");
    for (int tries = 0; tries < 100 && !"CONFIRMED".equals(hub.managed(manage).getString("status")); tries++) {
      Thread.sleep(100);
    }
    assertThat(hub.managed(manage).getString("status")).isEqualTo("CONFIRMED");
    return receipt.getJsonObject("booking").getString("id");
  }

  @Test
  @DisplayName("the Insights screen shows the API's numbers: bookings, cancellations, the no-show, utilisation, money;"
      + " the CSV link gives the same bookings")
  void numbersOnScreenMatchTheApi() {
    browser.desktop();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.nav("#insights");
    browser.waitForText(By.tagName("h1"), "Insights");
    browser.visible("#insights-outcomes");
    JsonObject api = new JsonObject(hub.send("GET", "/api/v1/insights", null, token).body());
    JsonObject outcomes = api.getJsonObject("outcomes");
    assertThat(outcomes.getInteger("total")).isEqualTo(4);
    assertThat(outcomes.getInteger("cancelled")).isEqualTo(1);
    assertThat(outcomes.getInteger("noShows")).isEqualTo(1);
    assertThat(browser.text("[data-figure='total'] dd")).isEqualTo(String.valueOf(outcomes.getInteger("total")));
    assertThat(browser.text("[data-figure='cancelled'] dd")).isEqualTo("1");
    assertThat(browser.text("[data-figure='no-shows'] dd")).isEqualTo("1");
    assertThat(browser.text("[data-figure='confirmed'] dd")).isEqualTo(String.valueOf(outcomes.getInteger("confirmed")));

    JsonObject room = api.getJsonArray("utilisation").stream().map(JsonObject.class::cast)
        .filter(u -> u.getString("resourceId").equals("demo-room")).findFirst().orElseThrow();
    long percent = Math.round(100.0 * room.getLong("bookedMinutes") / room.getLong("openMinutes"));
    assertThat(browser.allText("#insights-utilisation")).contains(room.getString("name"))
        .contains(percent + " %");
    JsonObject euros = api.getJsonArray("money").getJsonObject(0);
    assertThat(euros.getLong("takenMinor")).isEqualTo(9_000);
    assertThat(browser.allText("#insights-money")).contains("90.00").contains("EUR");
    assertThat(browser.text("#insights-median")).startsWith("Median");
    browser.screenshot("insights");
    browser.assertAccessible("insights");

    String href = browser.visible("#insights-csv").getAttribute("href");
    HttpResponse<String> csv = hub.send("GET", URI.create(href).getRawPath() + "?" + URI.create(href).getRawQuery(),
        null, token);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(1 + outcomes.getInteger("total"));
    assertThat(csv.body()).contains(paidId + ",").contains(",EUR,4500,4500,0,");
    browser.phone();
    browser.visible("#insights-utilisation");
browser.assertAccessible("insights on a phone");
    assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways"
        + " scrolling at 390 px").isEqualTo(true);
    browser.assertNoConsoleErrors();
  }
}
