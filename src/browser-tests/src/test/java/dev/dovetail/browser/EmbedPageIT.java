package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.WebElement;

/**
 * Embedding (issue 19, ADR 45) in a real browser. The hub is at {@code 127.0.0.1}; two shop sites are served from
 * {@code localhost} on their own ports, so each is another origin and another site than the hub, as a provider's web
 * site is. The demo provider lists one of them in its settings: a customer on that site books inside the framed
 * booking page (and opens the pop-up), while the other site's frame is refused by the browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("Embed the booking page on the provider's site, and nowhere else")
class EmbedPageIT {

  static final String TYPE = "demo-30";
  static final String PAGE = "/book/demo/demo-30";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().onItsPort().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();
  private HttpServer listedSite;
  private HttpServer otherSite;

  @BeforeAll
  void start() throws IOException {
    listedSite = shopSite();
    otherSite = shopSite();
  }

  @AfterAll
  void stop() {
    listedSite.stop(0);
    otherSite.stop(0);
  }

  /** A shop's page on {@code localhost}: the booking page in an inline frame, and a pop-up button of /embed.js. */
  private HttpServer shopSite() throws IOException {
    String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title></head><body>"
        + "<main><h1>The shop</h1>"
        + "<button type=\"button\" id=\"popup\" data-dovetail-book=\"" + hub.url(PAGE) + "\">Book a time</button>"
        + "<iframe id=\"booking\" src=\"" + hub.url(PAGE) + "\" title=\"Book a time\""
        + " style=\"width:100%;height:1400px;border:0\"></iframe></main>"
        + "<script src=\"" + hub.url("/embed.js") + "\" defer></script></body></html>";
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static String origin(HttpServer site) {
    return "http://localhost:" + site.getAddress().getPort();
  }

  /** The demo provider lists {@code origin} as its dashboard would: a session log-in, then the settings call. */
  private void listOrigin(String origin) {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    try {
      HttpResponse<String> login = client.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(hub.url("/api/v1/auth/login")))
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject().put("login", "demo")
              .put("password", HubExtension.DEMO_PASSWORD).encode()))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      String cookie = login.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith("dovetail.session=")).map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
      HttpResponse<String> saved = client.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(hub.url("/api/v1/embed-settings")))
          .header("Content-Type", "application/json")
          .header("Cookie", cookie)
          .header("X-CSRF-Token", new JsonObject(login.body()).getString("csrfToken"))
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject()
              .put("allowedOrigins", new io.vertx.core.json.JsonArray().add(origin)).encode()))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("the provider lists its site in settings; the share panel shows the full address, QR code and snippets")
  void providerListsItsSiteAndSharesTheLink() {
    browser.desktop();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.click("#nav a[href='#settings']");
    browser.type("#settings-embed-origins", "https://shop.example.com/path");
    browser.click("#settings-embed-save");
    browser.waitForText(By.id("settings-embed-origins-error"), "allowedOrigins[0]");

    browser.type("#settings-embed-origins", origin(listedSite).toUpperCase().replace("HTTP://", "http://"));
    browser.click("#settings-embed-save");
    browser.waitForText(By.id("settings-embed-result"), "Saved");
    assertThat(browser.visible("#settings-embed-origins").getAttribute("value")).isEqualTo(origin(listedSite));
    browser.assertFormsLabelled();
    browser.assertAccessible("settings, embedding");
    browser.screenshot("embed-settings");

    browser.click("#nav a[href='#types']");
    browser.click("#type-list li[data-type-id='" + TYPE + "'] details.share summary");
    WebElement url = browser.visible("#type-list li[data-type-id='" + TYPE + "'] [data-share='url']");
    assertThat(url.getAttribute("value")).isEqualTo(hub.url(PAGE));
    assertThat(browser.visible("#type-list li[data-type-id='" + TYPE + "'] [data-share='iframe']")
        .getAttribute("value")).contains("<iframe src=\"" + hub.url(PAGE) + "\"");
    assertThat(browser.visible("#type-list li[data-type-id='" + TYPE + "'] [data-share='button']")
        .getAttribute("value")).contains(hub.url("/embed.js"), "data-dovetail-book=\"" + hub.url(PAGE) + "\"");
    WebElement qr = browser.visible("#type-list li[data-type-id='" + TYPE + "'] img[data-share='qr']");
    browser.waiting().until(d -> ((Number) browser.js("return arguments[0].naturalWidth;", qr)).intValue() > 0);
    assertThat(qr.getAttribute("alt")).isEqualTo("QR code of " + hub.url(PAGE));
    browser.assertFormsLabelled();
    browser.assertAccessible("share links and QR code");
    browser.screenshot("embed-share-panel");
    browser.assertNoConsoleErrors(400); // the refused first list
  }

  @Test
  @DisplayName("on the listed site, a customer books a slot inside the framed booking page and sees the confirmation")
  void customerBooksInsideTheFrameOnTheListedSite() {
    listOrigin(origin(listedSite));
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    HubApi.Day day = hub.dayAhead(TYPE, BERLIN, 1);
    String start = day.starts().get(0);
    browser.open(origin(listedSite) + "/");
    browser.driver.switchTo().frame(browser.visible("#booking"));
    try {
      assertThat(browser.text("h1")).isEqualTo("30-minute meeting");
      assertThat(browser.all(".site-header").get(0).isDisplayed()).as("no hub header inside the frame").isFalse();
      browser.assertAccessible("embedded booking page");
      browser.setDate("#picker-date", day.date().toString());
      browser.click("#picker-slots button[data-start='" + start + "']");
      browser.type("#name", "Framed Customer");
      browser.type("#email", "framed@example.com");
      browser.click("#book-button");
      browser.waiting().until(d -> browser.path().startsWith("/booked/"));
      browser.waitForText(By.tagName("h1"), "You're booked");
      assertThat(browser.visible("#manage-link").getAttribute("target")).isEqualTo("_blank");
      browser.assertAccessible("embedded confirmation");
      String token = browser.path().substring("/booked/".length());
      JsonObject booking = hub.managed(token);
      assertThat(booking.getString("start")).isEqualTo(start);
      assertThat(booking.getString("customerEmail")).isEqualTo("framed@example.com");
    } finally {
      browser.driver.switchTo().defaultContent();
    }
    browser.screenshot("embed-booked-in-frame");

    browser.click("#popup");
    WebElement frame = browser.visible("dialog.dovetail-embed iframe");
    browser.driver.switchTo().frame(frame);
    try {
      assertThat(browser.text("h1")).isEqualTo("30-minute meeting");
    } finally {
      browser.driver.switchTo().defaultContent();
    }
    browser.screenshot("embed-popup");
    browser.click("dialog.dovetail-embed button[aria-label='Close']");
    browser.waiting().until(d -> browser.all("dialog.dovetail-embed").isEmpty());
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("popup");
  }

  @Test
  @DisplayName("on a site the provider did not list, the browser refuses to show the booking page in the frame")
  void anotherSiteIsRefused() {
    listOrigin(origin(listedSite));
    browser.desktop();
    HttpResponse<String> page = hub.get(PAGE);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .isEqualTo("default-src 'self'; frame-ancestors " + origin(listedSite));
    browser.open(origin(otherSite) + "/");
    browser.driver.switchTo().frame(browser.visible("#booking"));
    try {
      browser.waiting().until(d -> String.valueOf(browser.js("return location.href;")).startsWith("chrome-error:"));
      assertThat(browser.all("main[data-booking-type]")).as("the booking page is not shown").isEmpty();
      assertThat(browser.all("#picker-slots")).isEmpty();
    } finally {
      browser.driver.switchTo().defaultContent();
    }
    browser.screenshot("embed-refused");
  }
}
