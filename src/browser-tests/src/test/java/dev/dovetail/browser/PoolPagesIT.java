package dev.dovetail.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.app.HubExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A pooled booking type in the browser (ADR 43): the any-free-room page, and a pool defined in the dashboard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PoolPagesIT {

  static final String TYPE = "demo-any-room";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @RegisterExtension
  static final HubExtension HUB = HubApi.browserHub().build();

  @RegisterExtension
  static final BrowserExtension BROWSER = new BrowserExtension();

  private final HubApi hub = HubApi.on(HUB);
  private final Browser browser = BROWSER.browser();

  private List<String> shownStarts() {
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#picker-slots button")));
    return browser.all("#picker-slots button").stream().map((WebElement b) -> b.getAttribute("data-start")).toList();
  }

  /** Books {@code start} on the pooled page and returns the room the confirmation names. */
  private String bookOnThePage(String start, String name) {
    browser.open(hub.url("/book/demo/" + TYPE));
    browser.waiting().until(d -> shownStarts().contains(start));
    browser.click("#picker-slots button[data-start='" + start + "']");
    browser.type("#name", name);
    browser.type("#email", name.toLowerCase().replace(' ', '.') + "@example.com");
    browser.click("#book-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "You're booked");
    return browser.text("#detail-where");
  }

  @Test
  @DisplayName("the any-free-room page books one slot twice, once in each room, and then no longer offers it")
  void anyFreeRoomBooksEachRoomOnceForOneSlot() {
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    HubApi.Day day = hub.firstFreeDay(TYPE, BERLIN);
    String start = day.starts().get(0);

    browser.open(hub.url("/book/demo/" + TYPE));
    assertThat(browser.text(".offer-facts")).contains("Demo room or Second room");
    assertThat(browser.all("#member")).allMatch(select -> !select.isDisplayed());
    List<String> rooms = new ArrayList<>();
    rooms.add(bookOnThePage(start, "Ada Lovelace"));
    browser.screenshot("book-any-room-booked");
    rooms.add(bookOnThePage(start, "Grace Hopper"));

    assertThat(rooms).containsExactlyInAnyOrder("Demo room", "Second room");
    browser.open(hub.url("/book/demo/" + TYPE));
    browser.waiting().until(d -> !shownStarts().isEmpty());
    assertThat(shownStarts()).doesNotContain(start);
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("where the pool lets customers choose, the page offers its members and books the one chosen")
  void customerChoosesAMemberWhereThePoolAllowsIt() {
    JsonObject type = new JsonObject().put("id", "pick-room").put("resourceId", "demo-room").put("name", "Pick a room")
        .put("durationsMinutes", new JsonArray().add(60))
        .put("pool", new JsonObject().put("mode", "ANY").put("customerMayPick", true)
            .put("members", new JsonArray()
                .add(new JsonObject().put("resourceId", "demo-room"))
                .add(new JsonObject().put("resourceId", "demo-room-2"))));
    assertThat(hub.send("POST", "/api/v1/booking-types", type, hub.demoApiToken()).statusCode()).isEqualTo(201);
    browser.desktop();
    browser.timeZone(BERLIN.getId());
    String start = hub.firstFreeDay("pick-room", BERLIN).starts().get(0);

    browser.open(hub.url("/book/demo/pick-room"));
    browser.waiting().until(d -> shownStarts().contains(start));
    browser.click("#picker-slots button[data-start='" + start + "']");
    browser.waiting().until(d -> browser.visible("#member").isDisplayed());
    browser.select("#member", "demo-room-2");
    browser.assertFormsLabelled();
    browser.assertAccessible("booking page with a pool");
    browser.type("#name", "Alan Turing");
    browser.type("#email", "alan@example.com");
    browser.click("#book-button");
    browser.waiting().until(d -> browser.path().startsWith("/booked/"));
    browser.waitForText(By.tagName("h1"), "You're booked");

    assertThat(browser.text("#detail-where")).isEqualTo("Second room");
    browser.assertNoConsoleErrors();
  }

  @Test
  @DisplayName("the dashboard defines a pool: any free one of two rooms, first free; the API shows it")
  void dashboardDefinesAPool() {
    browser.desktop();
    browser.logInToDashboard(hub.url("/dashboard"));
    browser.click("#nav a[href='#types']");
    browser.waitForText(By.tagName("h1"), "Booking types");
    browser.click("#new-type");
    browser.waitForText(By.tagName("h1"), "New booking type");
    browser.type("#type-name", "Either room");
    browser.type("#type-id", "either-room");
    browser.select("#type-pool-mode", "ANY");
    browser.click("#type-pool-member-demo-room");
    browser.click("#save-type");
    browser.waitForText(By.id("type-pool-members-error"), "Tick 2 to 20 resources");
    browser.click("#type-pool-member-demo-room-2");
    browser.select("#type-pool-assignment", "FIRST_FREE");
    browser.type("#type-durations", "60");
    browser.assertFormsLabelled();
    browser.assertAccessible("pool type editor");
    browser.screenshot("dashboard-type-pool");
    browser.click("#save-type");
    browser.waitForText(By.id("types-message"), "Booking type created");
    browser.waitForText(By.cssSelector("#type-list li[data-type-id='either-room']"), "any of demo-room, demo-room-2");

    JsonObject type = new JsonObject(hub.send("GET", "/api/v1/booking-types/either-room", null, hub.demoApiToken())
        .body());
    assertThat(type.getString("resourceId")).isEqualTo("demo-room");
    assertThat(type.getJsonObject("pool").getString("mode")).isEqualTo("ANY");
    assertThat(type.getJsonObject("pool").getString("assignment")).isEqualTo("FIRST_FREE");
    assertThat(type.getJsonObject("pool").getJsonArray("members").stream()
        .map(m -> ((JsonObject) m).getString("resourceId")).toList()).containsExactly("demo-room", "demo-room-2");
    browser.assertNoConsoleErrors();
  }
}
