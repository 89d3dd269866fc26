package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The webhook endpoints screen in a real browser, against a hub on the test clock (private addresses allowed, so a
 * receiver on this machine may be used) and a real HTTP receiver: add an endpoint (the secret is shown once), a
 * booking's event arrives signed with it, the delivery log shows the receiver's answer, a redelivery sends the same
 * event id again; then rotate the secret, disable and enable the endpoint, and delete it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WebhooksPageIT {

  record Received(String id, String timestamp, String signature, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().allowPrivateWebhooks().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private HttpServer receiver;

  @BeforeAll
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
          exchange.getRequestHeaders().getFirst("webhook-timestamp"),
          exchange.getRequestHeaders().getFirst("webhook-signature"), body));
      byte[] answer = "received, thank you".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    receiver.start();
  }

  @AfterAll
  void stop() {
    receiver.stop(0);
  }

  static boolean verifies(String secret, Received r) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String expected = "v1," + Base64.getEncoder().encodeToString(
        mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    return List.of(r.signature().split(" ")).contains(expected);
  }

  @Test
  @DisplayName("add an endpoint, see a delivery in its log, redeliver it, rotate the secret, disable, enable, delete")
  void endpointsScreen() throws Exception {
    browser.desktop();
    browser.open(hub.url("/dashboard"));
    browser.type("#login", "demo");
    browser.type("#password", HubExtension.DEMO_PASSWORD);
    browser.click("#login-button");
    browser.waitForText(By.tagName("h1"), "Agenda");
    browser.click("#nav a[href='#webhooks']");
    browser.waitForText(By.tagName("h1"), "Webhooks");
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/dovetail";

    browser.click("#webhook-create");
    browser.waitForText(By.id("webhook-url-error"), "Enter the URL");
    browser.type("#webhook-url", url);
    browser.type("#webhook-description", "CRM sync");
    browser.click("#webhook-create");
    browser.waitForText(By.id("webhook-result"), "Endpoint added");
    String secret = browser.text("#webhook-secret");
    assertThat(secret).startsWith("whsec_");
    browser.waiting().until(d -> browser.text("#webhook-list").contains(url));
    String item = "#webhook-list li[data-endpoint-id]";
    String endpointId = browser.all(item).get(0).getAttribute("data-endpoint-id");
    assertThat(browser.text(item)).contains("CRM sync").contains("booking.created").contains("ENABLED");
    browser.assertFormsLabelled();
    browser.assertAccessible("webhooks");

    HubApi.Day day = hub.dayAhead("demo-30", ZoneId.of("Europe/Berlin"), 1);
    String bookingId = hub.bookOrFail("demo-30", day.starts().get(0), "Wanda Hook", "wanda@example.com")
        .getJsonObject("booking").getString("id");
    browser.waiting().until(d -> !received.isEmpty());
    Received first = received.get(0);
    assertThat(verifies(secret, first)).isTrue();
    JsonObject event = new JsonObject(first.body());
    assertThat(event.getString("type")).isEqualTo("booking.created");
    assertThat(event.getJsonObject("data").getString("id")).isEqualTo(bookingId);

    browser.click("button[data-log-for='" + endpointId + "']");
    String delivery = "#deliveries-" + endpointId + " li[data-state='SUCCEEDED']";
    browser.waiting().until(d -> {
      if (browser.all(delivery).isEmpty()) {
        browser.click("button[data-log-for='" + endpointId + "']");
        browser.click("button[data-log-for='" + endpointId + "']");
        return false;
      }
      return true;
    });
    assertThat(browser.text(delivery)).contains(first.id()).contains("HTTP 200").contains("received, thank you")
        .contains("1 attempt");
    browser.screenshot("dashboard-webhooks");

    browser.click(delivery + " button[data-redeliver]");
    browser.waitForText(By.id("webhook-result"), "Redelivery queued");
    browser.waiting().until(d -> received.size() >= 2);
    assertThat(received.get(1).id()).isEqualTo(first.id());
    assertThat(verifies(secret, received.get(1))).isTrue();

    browser.click(item + " button[data-action='rotate']");
    browser.waitForText(By.id("webhook-result"), "Secret rotated");
    String rotated = browser.text("#webhook-secret");
    assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);

    browser.click(item + " button[data-action='enabled']");
    browser.waitForText(By.id("webhook-result"), "Endpoint disabled");
    browser.waiting().until(d -> browser.text(item).contains("DISABLED"));
    assertThat(new JsonObject(hub.send("GET", "/api/v1/webhook-endpoints/" + endpointId, null, hub.demoApiToken())
        .body()).getBoolean("enabled")).isFalse();
    browser.click(item + " button[data-action='enabled']");
    browser.waitForText(By.id("webhook-result"), "Endpoint enabled");
    browser.waiting().until(d -> browser.text(item).contains("ENABLED") && !browser.text(item).contains("DISABLED"));

    browser.click(item + " button[data-action='delete']");
    browser.click(item + " button[data-action='delete-confirm']");
    browser.waitForText(By.id("webhook-result"), "Endpoint deleted");
    browser.waiting().until(d -> browser.all(item).isEmpty());
    assertThat(hub.send("GET", "/api/v1/webhook-endpoints/" + endpointId, null, hub.demoApiToken()).statusCode())
        .isEqualTo(404);
    browser.assertNoConsoleErrors();
  }
}
