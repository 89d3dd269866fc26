package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input on every public endpoint gets a 4xx problem detail with a reason, and nothing is stored: after each test
 * the tenant still has exactly its one booking, unchanged, and no provider or account appeared.
 */
@ExtendWith(VertxExtension.class)
class PublicBadInputTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;
  private Booking before;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx, 100_000, 4096);
    alice = api.tenant("alice");
    before = api.bookings.findById(alice.bookingId()).await().orElseThrow();
  }

  @AfterEach
  void nothingStored() {
    List<Booking> stored = api.storedBookings("alice");
    assertThat(stored).as("bookings after bad input").containsExactly(before);
    assertThat(api.schedules.load(alice.resourceId()).await().blocks()).hasSize(1);
  }

  private String slots(String query) {
    return "/api/v1/public/booking-types/" + alice.typeId() + "/slots?" + query;
  }

  private String bookings() {
    return "/api/v1/public/booking-types/" + alice.typeId() + "/bookings";
  }

  private static String range(LocalDate from, LocalDate to) {
    return "from=" + from + "&to=" + to + "&tz=Europe/Berlin";
  }

  private JsonObject valid() {
    return ApiFixture.bookingRequest(ApiFixture.mondayAt(14, 0).toString(), "new@example.com");
  }

  // ---- GET slots -----------------------------------------------------------------------------------------------

  @Test
  @DisplayName("slots: missing, mistyped and malformed query parameters are 400 with the parameter named")
  void slotsRejectMissingAndMistypedParameters() {
    LocalDate monday = ApiFixture.monday();
    assertThat(expectProblem(400, api.get(slots("from=" + monday + "&tz=Europe/Berlin"))).getString("detail"))
        .contains("to");
    assertThat(expectProblem(400, api.get(slots("to=" + monday + "&tz=Europe/Berlin"))).getString("detail"))
        .contains("from");
    assertThat(expectProblem(400, api.get(slots(range(monday, monday.plusDays(1)).replace("&tz=Europe/Berlin", ""))))
        .getString("detail")).contains("tz");
    expectProblem(400, api.get(slots(range(monday, monday.plusDays(1)) + "&duration=long")));
    expectProblem(400, api.get(slots(range(monday, monday.plusDays(1)) + "&duration=-5")));
    expectProblem(400, api.get(slots("from=tomorrow&to=" + monday + "&tz=Europe/Berlin")));
    expectProblem(400, api.get(slots("from=2026-13-45&to=2026-14-01&tz=Europe/Berlin")));
  }

  @Test
  @DisplayName("slots: an unknown time zone is a 400 that says the zone is unknown")
  void slotsRejectUnknownZone() {
    LocalDate monday = ApiFixture.monday();
    JsonObject problem = expectProblem(400, api.get(slots("from=" + monday + "&to=" + monday.plusDays(1)
        + "&tz=Mars/Olympus_Mons")));
    assertThat(problem.getString("type")).endsWith("unknown-time-zone");
    assertThat(problem.getString("detail")).contains("Mars/Olympus_Mons");
    expectProblem(400, api.get(slots("from=" + monday + "&to=" + monday.plusDays(1) + "&tz=%3Cscript%3E")));
  }

  @Test
  @DisplayName("slots: absurd ranges (to before from, empty, ten years) are 400")
  void slotsRejectAbsurdRanges() {
    LocalDate monday = ApiFixture.monday();
    assertThat(expectProblem(400, api.get(slots(range(monday, monday.minusDays(3))))).getString("detail"))
        .contains("after");
    expectProblem(400, api.get(slots(range(monday, monday))));
    assertThat(expectProblem(400, api.get(slots(range(monday, monday.plusYears(10))))).getString("detail"))
        .contains("62");
    expectProblem(400, api.get(slots(range(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)))));
  }

  @Test
  @DisplayName("slots and offer: unknown or malformed booking type ids are 404 or 400")
  void unknownOrMalformedBookingType() {
    LocalDate monday = ApiFixture.monday();
    expectProblem(404, api.get("/api/v1/public/booking-types/no-such-type/slots?" + range(monday, monday.plusDays(1))));
    expectProblem(404, api.get("/api/v1/public/booking-types/no-such-type"));
    expectProblem(400, api.get("/api/v1/public/booking-types/NOT_A_SLUG"));
    expectProblem(400, api.get(slots(range(monday, monday.plusDays(1)) + "&duration=45")));
  }

  // ---- POST bookings -------------------------------------------------------------------------------------------

  @Test
  @DisplayName("book: malformed JSON, a non-object body and a wrong content type are 400")
  void bookRejectsMalformedBodies() {
    assertThat(expectProblem(400, api.post(bookings(), "{\"start\": ")).getString("type")).endsWith("malformed-json");
    expectProblem(400, api.post(bookings(), "[1,2,3]"));
    expectProblem(400, api.post(bookings(), "\"just a string\""));
    expectProblem(400, api.post(bookings(), ""));
    HttpResponse<Buffer> plain = api.client.post(bookings()).putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer(valid().encode())).await();
    assertThat(plain.statusCode()).isBetween(400, 415);
  }

  @Test
  @DisplayName("book: each missing required field is a 400 naming it")
  void bookRejectsMissingFields() {
    for (String field : List.of("start", "timeZone", "name", "email")) {
      JsonObject body = valid();
      body.remove(field);
      HttpResponse<Buffer> response = api.post(bookings(), body);
      assertThat(expectProblem(400, response).encode()).as(field).contains(field);
    }
  }

  @Test
  @DisplayName("book: wrong types and unknown fields are 400")
  void bookRejectsWrongTypes() {
    expectProblem(400, api.post(bookings(), valid().put("start", 1735689600)));
    expectProblem(400, api.post(bookings(), valid().put("hold", "yes")));
    expectProblem(400, api.post(bookings(), valid().put("weeklyOccurrences", "three")));
    expectProblem(400, api.post(bookings(), valid().put("durationMinutes", 60.5)));
    expectProblem(400, api.post(bookings(), valid().put("name", new JsonObject())));
    expectProblem(400, api.post(bookings(), valid().put("isAdmin", true)));
  }

  @Test
  @DisplayName("book: bad values (zone, instant, e-mail, series length, duration, year 2200) are 400 with a reason; beyond the horizon is 409")
  void bookRejectsBadValues() {
    JsonObject zone = expectProblem(400, api.post(bookings(), valid().put("timeZone", "Europe/Atlantis")));
    assertThat(zone.getString("type")).endsWith("unknown-time-zone");
    assertThat(expectProblem(400, api.post(bookings(), valid().put("start", "next monday at ten")))
        .getString("detail")).contains("start");
    expectProblem(400, api.post(bookings(), valid().put("start", "2026-05-04T10:00:00")));
    expectProblem(400, api.post(bookings(), valid().put("email", "not-an-address")));
    expectProblem(400, api.post(bookings(), valid().put("name", "")));
    expectProblem(400, api.post(bookings(), valid().put("name", "x".repeat(201))));
    expectProblem(400, api.post(bookings(), valid().put("weeklyOccurrences", 0)));
    expectProblem(400, api.post(bookings(), valid().put("weeklyOccurrences", 53)));
    expectProblem(400, api.post(bookings(), valid().put("durationMinutes", 45)));
    assertThat(expectProblem(409, api.post(bookings(), valid().put("start",
        ApiFixture.mondayAt(10, 0).plus(java.time.Duration.ofDays(3653)).toString()))).getString("detail"))
        .contains("horizon");
    expectProblem(400, api.post(bookings(), valid().put("start", "2200-01-01T00:00:00Z")));
    expectProblem(400, api.post(bookings(), valid().put("start", "+999999-01-01T00:00:00Z")));
    expectProblem(400, api.post(bookings(), valid().put("start", "1970-01-01T00:00:00Z")));
  }

  @Test
  @DisplayName("book: a body over the limit is refused with 413 before it is read to the end")
  void bookRejectsHugeBodies() {
    JsonObject huge = valid().put("name", "x".repeat(10_000));
    expectProblem(413, api.post(bookings(), huge));
    expectProblem(413, api.post("/api/v1/providers", new JsonObject().put("handle", "x".repeat(10_000))));
    expectProblem(413, api.post("/api/v1/auth/login", new JsonObject().put("login", "x".repeat(10_000))));
    expectProblem(413, api.post("/api/v1/public/bookings/" + alice.manageToken() + "/reschedule",
        new JsonObject().put("start", "x".repeat(10_000))));
  }

  @Test
  @DisplayName("book: a start that is not an offered slot, or unknown booking type, is refused")
  void bookRejectsTimesThatAreNotSlots() {
    JsonObject offHours = expectProblem(409, api.post(bookings(),
        ApiFixture.bookingRequest(ApiFixture.mondayAt(3, 0).toString(), "night@example.com")));
    assertThat(offHours.getJsonArray("alternatives")).isNotNull();
    expectProblem(409, api.post(bookings(),
        ApiFixture.bookingRequest(ApiFixture.mondayAt(10, 17).toString(), "odd@example.com")));
    expectProblem(404, api.post("/api/v1/public/booking-types/no-such-type/bookings", valid()));
  }

  // ---- manage token --------------------------------------------------------------------------------------------

  @Test
  @DisplayName("manage link: malformed, unknown and forged tokens are 400 or 404 and change nothing")
  void manageLinkRejectsBadTokens() {
    String forged = alice.bookingId() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    for (String token : List.of("nonsense", "a.b", "no-such-booking.c2VjcmV0", forged, "a.b.c", "x".repeat(300))) {
      for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
        String suffix = method == HttpMethod.GET ? "" : "/cancel";
        HttpResponse<Buffer> response = api.send(method, "/api/v1/public/bookings/" + token + suffix, null, null);
        assertThat(response.statusCode()).as(token + suffix).isIn(400, 404);
        expectProblem(response.statusCode(), response);
      }
      HttpResponse<Buffer> moved = api.post("/api/v1/public/bookings/" + token + "/reschedule",
          new JsonObject().put("start", ApiFixture.mondayAt(14, 0).toString()));
      assertThat(moved.statusCode()).as(token + "/reschedule").isIn(400, 404);
    }
    assertThat(api.bookings.findById(alice.bookingId()).await().orElseThrow().status())
        .isEqualTo(BookingStatus.CONFIRMED);
  }

  @Test
  @DisplayName("reschedule: a missing, mistyped or malformed start is 400")
  void rescheduleRejectsBadBodies() {
    String path = "/api/v1/public/bookings/" + alice.manageToken() + "/reschedule";
    expectProblem(400, api.post(path, new JsonObject()));
    expectProblem(400, api.post(path, new JsonObject().put("start", 5)));
    expectProblem(400, api.post(path, new JsonObject().put("start", "soon")));
    expectProblem(400, api.post(path, "{oops"));
    expectProblem(400, api.post(path, new JsonObject().put("start", ApiFixture.mondayAt(14, 0).toString())
        .put("extra", 1)));
  }

  // ---- sign-up and login ---------------------------------------------------------------------------------------

  @Test
  @DisplayName("sign-up: bad handle, short password, unknown zone, missing fields, bad JSON are 400; nothing stored")
  void signUpRejectsBadInput() {
    JsonObject good = new JsonObject().put("handle", "carol").put("displayName", "Carol")
        .put("email", "carol@example.com").put("password", ApiFixture.PASSWORD).put("timeZone", "Europe/Paris");
    expectProblem(400, api.post("/api/v1/providers", good.copy().put("handle", "Carol!")));
    expectProblem(400, api.post("/api/v1/providers", good.copy().put("password", "short")));
    expectProblem(400, api.post("/api/v1/providers", good.copy().put("password", "p".repeat(73))));
    assertThat(expectProblem(400, api.post("/api/v1/providers", good.copy().put("timeZone", "Paris/France")))
        .getString("type")).endsWith("unknown-time-zone");
    expectProblem(400, api.post("/api/v1/providers", good.copy().put("email", "nobody")));
    for (String field : List.of("handle", "displayName", "email", "password", "timeZone")) {
      JsonObject body = good.copy();
      body.remove(field);
      expectProblem(400, api.post("/api/v1/providers", body));
    }
    expectProblem(400, api.post("/api/v1/providers", "{\"handle\":"));
    expectProblem(400, api.post("/api/v1/providers", good.copy().put("role", "admin")));
    assertThat(api.providers.findById("carol").await()).isEmpty();
    assertThat(api.accounts.findByLogin("carol@example.com").await()).isEmpty();
    expectProblem(409, api.post("/api/v1/providers", good.copy().put("handle", "alice")
        .put("email", "other@example.com")));
    // A taken e-mail is not revealed (ADR 24): answered like a fresh sign-up, and nothing is stored.
    assertThat(api.post("/api/v1/providers", good.copy().put("email", "alice@example.com")).statusCode())
        .isEqualTo(201);
    assertThat(api.providers.findById("carol").await()).isEmpty();
  }

  @Test
  @DisplayName("login: wrong credentials are 401 without a session; missing fields and bad JSON are 400")
  void loginRejectsBadInput() {
    HttpResponse<Buffer> wrong = api.post("/api/v1/auth/login",
        new JsonObject().put("login", "alice@example.com").put("password", "wrong password!"));
    expectProblem(401, wrong);
    assertThat(wrong.cookies()).noneMatch(c -> c.startsWith("dovetail.session="));
    expectProblem(401, api.post("/api/v1/auth/login",
        new JsonObject().put("login", "nobody@example.com").put("password", ApiFixture.PASSWORD)));
    expectProblem(400, api.post("/api/v1/auth/login", new JsonObject().put("login", "alice@example.com")));
    expectProblem(400, api.post("/api/v1/auth/login", new JsonObject().put("login", 1).put("password", 2)));
    expectProblem(400, api.post("/api/v1/auth/login", "{"));
    expectProblem(400, api.post("/api/v1/auth/login", new JsonArray().add("x").encode()));
  }
}
