package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static dev.dovetail.web.ApiFixture.mondayAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.waitlist.app.WaitlistLinks;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The waitlist over HTTP: join, claim and leave by signed links, and the provider's list, controls and report. */
@ExtendWith(VertxExtension.class)
@DisplayName("API: waitlist")
class WaitlistApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  private String join(String email, JsonObject wish) {
    JsonObject body = wish.copy().put("name", "Waiting").put("email", email).put("timeZone", "Europe/Berlin");
    return expect(201, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/waitlist", body))
        .getJsonObject("entry").getString("id");
  }

  private JsonObject entry(String id) {
    return expect(200, api.get("/api/v1/waitlist/entries?limit=200", alice.bearer())).getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(e -> e.getString("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a cancelled slot goes to the first in line; the claim link books it; the report counts it")
  void cancelOfferClaim() {
    JsonObject exact = new JsonObject().put("start", mondayAt(10, 0).toString());
    String first = join("carol@example.com", exact);
    api.clock.advance(java.time.Duration.ofSeconds(1));
    String second = join("dave@example.com", exact);
    expect(200, api.post("/api/v1/public/bookings/" + alice.manageToken() + "/cancel", null));
    assertThat(api.backfill.match(alice.resourceId()).await()).isEqualTo(1);

    JsonObject offered = entry(first);
    assertThat(offered.getString("status")).isEqualTo("OFFERED");
    assertThat(entry(second).getString("status")).isEqualTo("WAITING");
    String held = offered.getJsonObject("offer").getString("bookingId");
    String claim = new WaitlistLinks(api.tokens).claimToken(first, held);
    JsonObject shown = expect(200, api.get("/api/v1/public/waitlist/claim/" + claim));
    assertThat(java.time.Instant.parse(shown.getString("start"))).isEqualTo(mondayAt(10, 0));
    assertThat(java.time.Instant.parse(shown.getString("heldUntil")))
        .isEqualTo(java.time.Instant.parse(offered.getJsonObject("offer").getString("expiresAt")));
    assertThat(shown.getBoolean("open")).isTrue();
    JsonObject receipt = expect(201, api.post("/api/v1/public/waitlist/claim/" + claim, null));
    assertThat(receipt.getJsonObject("booking").getString("status")).isEqualTo("CONFIRMED");
    assertThat(receipt.getJsonObject("booking").getString("customerEmail")).isEqualTo("carol@example.com");
    expect(201, api.post("/api/v1/public/waitlist/claim/" + claim, null));

    JsonObject report = expect(200, api.get("/api/v1/waitlist/report", alice.bearer()));
    assertThat(report.getInteger("recoveredBookings")).isEqualTo(1);
    assertThat(entry(first).getString("status")).isEqualTo("BOOKED");
    expectProblem(404, api.post("/api/v1/public/waitlist/claim/" + claim.substring(0, claim.length() - 3) + "abc",
        null));
    expectProblem(404, api.get("/api/v1/public/waitlist/claim/" + claim)); // claimed: no longer held
  }

  @Test
  @DisplayName("joining: 409 with the free slots when the wish can be booked now; 400 for a wish half given")
  void joinRefusals() {
    JsonObject free = expectProblem(409, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/waitlist",
        new JsonObject().put("name", "W").put("email", "w@example.com").put("timeZone", "Europe/Berlin")
            .put("date", mondayAt(9, 0).atZone(ApiFixture.BERLIN).toLocalDate().toString())));
    assertThat(free.getJsonArray("alternatives")).isNotEmpty();
    JsonObject half = expectProblem(400, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/waitlist",
        new JsonObject().put("name", "W").put("email", "w@example.com").put("timeZone", "Europe/Berlin")
            .put("date", "2030-01-02").put("from", "09:00")));
    assertThat(half.getString("detail")).contains("'from' and 'to'");
    expectProblem(400, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/waitlist",
        new JsonObject().put("name", "W").put("email", "w@example.com").put("timeZone", "Europe/Berlin")
            .put("date", "2030-01-02").put("from", "10:00").put("to", "09:00")));
  }

  @Test
  @DisplayName("provider: settings off refuses joins, offer by hand, remove withdraws the offer, leave by link")
  void providerControls() {
    String id = join("carol@example.com", new JsonObject().put("start", mondayAt(10, 0).toString()));
    JsonObject off = expect(200, api.send(io.vertx.core.http.HttpMethod.PUT,
        "/api/v1/booking-types/" + alice.typeId() + "/waitlist", alice.bearer(),
        new JsonObject().put("enabled", false).put("claimWindowMinutes", 30)));
    assertThat(off.getBoolean("enabled")).isFalse();
    expectProblem(409, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/waitlist",
        new JsonObject().put("name", "W").put("email", "w@example.com").put("timeZone", "Europe/Berlin")
            .put("start", mondayAt(10, 0).toString())));
    expectProblem(400, api.send(io.vertx.core.http.HttpMethod.PUT,
        "/api/v1/booking-types/" + alice.typeId() + "/waitlist", alice.bearer(),
        new JsonObject().put("enabled", true).put("claimWindowMinutes", 1)));

    JsonObject byHand = expect(201, api.post("/api/v1/waitlist/entries/" + id + "/offer", alice.bearer(),
        new JsonObject().put("start", mondayAt(14, 0).toString()))).getJsonObject("entry");
    assertThat(byHand.getJsonObject("offer").getBoolean("byHand")).isTrue();
    assertThat(byHand.getJsonObject("offer").getString("expiresAt"))
        .isEqualTo(api.clock.instant().plusSeconds(30 * 60).toString());
    JsonObject removed = expect(200, api.send(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/waitlist/entries/" + id,
        alice.bearer(), null)).getJsonObject("entry");
    assertThat(removed.getString("status")).isEqualTo("REMOVED");
    assertThat(api.bookings.findById(byHand.getJsonObject("offer").getString("bookingId")).await().orElseThrow()
        .status().name()).isEqualTo("CANCELLED");

    expect(200, api.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/booking-types/" + alice.typeId() + "/waitlist",
        alice.bearer(), new JsonObject().put("enabled", true).put("claimWindowMinutes", 15)));
    String other = join("dave@example.com", new JsonObject().put("start", mondayAt(10, 0).toString()));
    String leave = new WaitlistLinks(api.tokens).leaveToken(other);
    JsonObject left = expect(200, api.post("/api/v1/public/waitlist/leave/" + leave, null)).getJsonObject("entry");
    assertThat(left.getString("status")).isEqualTo("LEFT");
  }

  @Test
  @DisplayName("the mail links open HTML pages (GET only, token shape checked) that load the waitlist module")
  void linkPages() {
    String leave = new WaitlistLinks(api.tokens).leaveToken("0123456789abcdef0123456789abcdef");
    String claim = new WaitlistLinks(api.tokens).claimToken("0123456789abcdef0123456789abcdef", "fedcba9876543210");
    for (String path : new String[] {"/waitlist/claim/" + claim, "/waitlist/leave/" + leave}) {
      var page = api.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
      assertThat(page.bodyAsString()).contains("<script type=\"module\" src=\"/assets/waitlist.js\"></script>");
    }
    assertThat(api.get("/waitlist/claim/not-a-token").statusCode()).isEqualTo(404);
    assertThat(api.get("/waitlist/elsewhere").statusCode()).isEqualTo(404);
    expectProblem(401, api.post("/waitlist/claim/" + claim, new JsonObject()));
    assertThat(api.get("/assets/waitlist.js").statusCode()).isEqualTo(200);
  }
}
