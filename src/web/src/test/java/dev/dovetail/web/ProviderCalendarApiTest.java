package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static dev.dovetail.web.ApiFixture.mondayAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's calendar: the schedule of a range, bookings taken by the provider, moves by the provider. */
@ExtendWith(VertxExtension.class)
class ProviderCalendarApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;
  private ApiFixture.Tenant bob;

  @BeforeEach
  void tenants(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
    bob = api.tenant("bob");
  }

  private String day() {
    Instant from = mondayAt(0, 0);
    return "from=" + from + "&to=" + from.plus(Duration.ofDays(1));
  }

  private JsonObject phoneBooking(String typeId, Instant start) {
    return new JsonObject().put("bookingTypeId", typeId).put("start", start.toString())
        .put("timeZone", "Europe/Berlin").put("name", "Caller").put("email", "caller@example.com");
  }

  @Test
  @DisplayName("the schedule shows the opening hours without the break and the booking, for the caller's resources only")
  void scheduleOfADay() {
    JsonObject view = expect(200, api.get("/api/v1/schedule?" + day(), alice.session().auth()));

    JsonArray resources = view.getJsonArray("resources");
    assertThat(resources).hasSize(1);
    JsonObject room = resources.getJsonObject(0);
    assertThat(room.getString("resourceId")).isEqualTo(alice.resourceId());
    assertThat(room.getString("timeZone")).isEqualTo("Europe/Berlin");
    assertThat(room.getJsonArray("open").stream().map(o -> ((JsonObject) o).getString("start")))
        .containsExactly(mondayAt(9, 0).toString(), mondayAt(13, 0).toString());
    JsonObject entry = room.getJsonArray("entries").getJsonObject(0);
    assertThat(entry.getString("kind")).isEqualTo("BOOKING");
    assertThat(entry.getString("bookingId")).isEqualTo(alice.bookingId());
    assertThat(entry.getString("start")).isEqualTo(mondayAt(10, 0).toString());
    assertThat(view.getBoolean("complete")).isTrue();
    assertThat(view.encode()).doesNotContain(bob.resourceId()).doesNotContain(bob.bookingId());
  }

  @Test
  @DisplayName("the schedule refuses a range over 31 days, a reversed range, and another tenant's resource")
  void scheduleBounds() {
    Instant from = mondayAt(0, 0);
    JsonObject tooLong = expectProblem(400, api.get("/api/v1/schedule?from=" + from + "&to="
        + from.plus(Duration.ofDays(32)), alice.bearer()));
    assertThat(tooLong.getString("detail")).contains("31 days");
    expectProblem(400, api.get("/api/v1/schedule?from=" + from + "&to=" + from, alice.bearer()));
    expectProblem(400, api.get("/api/v1/schedule?from=" + from, alice.bearer()));
    expectProblem(404, api.get("/api/v1/schedule?" + day() + "&resourceId=" + bob.resourceId(), alice.bearer()));
    expectProblem(401, api.get("/api/v1/schedule?" + day()));
  }

  @Test
  @DisplayName("a provider books for a caller on its own type (201, the usual receipt); another tenant's type is 404")
  void providerTakesABooking() {
    JsonObject receipt = expect(201, api.post("/api/v1/bookings", alice.session().auth(),
        phoneBooking(alice.typeId(), mondayAt(14, 0))));
    assertThat(receipt.getJsonObject("booking").getString("status")).isEqualTo("CONFIRMED");
    assertThat(receipt.getJsonObject("booking").getString("customerEmail")).isEqualTo("caller@example.com");

    expectProblem(409, api.post("/api/v1/bookings", alice.bearer(), phoneBooking(alice.typeId(), mondayAt(14, 0))));
    expectProblem(404, api.post("/api/v1/bookings", alice.bearer(), phoneBooking(bob.typeId(), mondayAt(15, 0))));
    expectProblem(403, api.post("/api/v1/bookings", alice.session().withoutCsrf(),
        phoneBooking(alice.typeId(), mondayAt(15, 0))));
    expectProblem(400, api.post("/api/v1/bookings", alice.bearer(),
        phoneBooking(alice.typeId(), mondayAt(15, 0)).put("hold", true)));
    assertThat(api.storedBookings("bob")).hasSize(1);
  }

  @Test
  @DisplayName("a provider moves its booking to a free time; a taken time is 409 with alternatives; not another's")
  void providerMovesABooking() {
    JsonObject moved = expect(200, api.post("/api/v1/bookings/" + alice.bookingId() + "/reschedule",
        alice.session().auth(), new JsonObject().put("start", mondayAt(15, 0).toString())));
    assertThat(moved.getJsonObject("booking").getString("start")).isEqualTo(mondayAt(15, 0).toString());

    expect(201, api.post("/api/v1/bookings", alice.bearer(), phoneBooking(alice.typeId(), mondayAt(9, 0))));
    JsonObject taken = expectProblem(409, api.post("/api/v1/bookings/" + alice.bookingId() + "/reschedule",
        alice.bearer(), new JsonObject().put("start", mondayAt(9, 0).toString())));
    assertThat(taken.encode()).contains("alternatives");
    expectProblem(404, api.post("/api/v1/bookings/" + bob.bookingId() + "/reschedule", alice.bearer(),
        new JsonObject().put("start", mondayAt(16, 0).toString())));
  }

  @Test
  @DisplayName("a provider's cancellation carries its message to the customer's mail; a bad message cancels nothing")
  void cancelWithAMessage() {
    expectProblem(400, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel", alice.bearer(),
        new JsonObject().put("message", "two\nlines")));
    expectProblem(400, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel", alice.bearer(),
        new JsonObject().put("message", "x".repeat(501))));
    assertThat(api.storedBookings("alice").get(0).status().name()).isEqualTo("CONFIRMED");

    JsonObject cancelled = expect(200, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel",
        alice.session().auth(), new JsonObject().put("message", "The room is flooded <sorry>; call us to rebook.")));
    assertThat(cancelled.getJsonObject("booking").getString("status")).isEqualTo("CANCELLED");

    api.dispatcher(new dev.dovetail.infra.mail.StoreSinkMailer(api.mailSink, api.clock)).dispatchDue().await();
    JsonObject mail = expect(200, api.get("/api/v1/notifications?limit=50", alice.bearer())).getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(i -> i.getString("kind").equals("CANCELLATION")).findFirst()
        .orElseThrow();
    JsonObject content = expect(200, api.get("/api/v1/notifications/" + mail.getString("id"), alice.bearer()))
        .getJsonObject("content");
    assertThat(content.getString("text"))
        .contains("Message from Provider alice: The room is flooded <sorry>; call us to rebook.");
    assertThat(content.getString("html")).contains("The room is flooded &lt;sorry&gt;; call us to rebook.");
  }
}
