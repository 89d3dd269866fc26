package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The waitlist in a real browser: a fully booked day offers the waitlist form on the booking page; after a
 * cancellation the offer mail's claim link opens a page whose button books the slot and shows the confirmation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WaitlistPageIT {

  static final String TYPE = "demo-60";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Pattern CLAIM = Pattern.compile("/waitlist/claim/(\\S+)");

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  /** The claim link from the offer mail to {@code email} in the local sink, once the dispatcher has sent it. */
  private String claimPath(String bearer, String email) throws InterruptedException {
    for (int tries = 0; tries < 150; tries++) {
      HttpResponse<String> list = hub.send("GET", "/api/v1/notifications?limit=200", null, bearer);
      for (Object item : new JsonObject(list.body()).getJsonArray("items")) {
        JsonObject n = (JsonObject) item;
        if (n.getString("kind").equals("WAITLIST_OFFER") && n.getString("recipient").equals(email)
            && n.getString("state").equals("SENT")) {
          String text = new JsonObject(hub.send("GET", "/api/v1/notifications/" + n.getString("id"), null, bearer)
              .body()).getJsonObject("content").getString("text");
          Matcher m = CLAIM.matcher(text);
          assertThat(m.find()).as(text).isTrue();
          return m.group();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no offer mail to " + email);
  }

  @Test
  @DisplayName("a full day shows the waitlist form; joining, a cancellation, the claim page's button books the slot")
  void joinFromTheBookingPageThenClaim() throws InterruptedException {
    HubApi.Day day = hub.dayAhead(TYPE, BERLIN, 2);
    List<JsonObject> receipts = new ArrayList<>();
    for (String start : day.starts()) {
      receipts.add(hub.bookOrFail(TYPE, start, "Guest", "guest@example.com"));
    }

    browser.desktop();
    browser.timeZone(BERLIN.getId());
    browser.open(hub.url("/book/demo/" + TYPE));
    browser.visible("#picker-date");
    browser.setDate("#picker-date", day.date().toString());
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("waitlist-form")));
    browser.type("#waitlist-name", "Carol");
    browser.type("#waitlist-email", "carol@example.com");
    browser.screenshot("waitlist-form");
    browser.click("#waitlist-button");
    browser.waitForText(By.id("waitlist-joined"), "You are on the waitlist");
    browser.assertFormsLabelled();
    browser.assertAccessible("waitlist join");

    String bearer = hub.demoApiToken();
    JsonObject entries = new JsonObject(hub.send("GET", "/api/v1/waitlist/entries", null, bearer).body());
    JsonObject entry = entries.getJsonArray("items").getJsonObject(0);
    assertThat(entry.getString("customerEmail")).isEqualTo("carol@example.com");
    assertThat(entry.getJsonObject("wish").getString("date")).isEqualTo(day.date().toString());

    JsonObject cancelled = receipts.get(0);
    assertThat(hub.send("POST", "/api/v1/public/bookings/" + cancelled.getString("manageToken") + "/cancel", null,
        null).statusCode()).isEqualTo(200);
    browser.open(hub.url(claimPath(bearer, "carol@example.com")));
    browser.waitForText(By.id("held-slot"), "is held for you until");
    browser.assertAccessible("waitlist claim page");
    browser.click("#claim-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.id("page-title"), "You're booked");
    browser.assertAccessible("confirmation after a claim");
    browser.assertNoConsoleErrors();
    browser.screenshot("waitlist-claimed");
  }
}
