package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.BookingStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The customer's journey through the public API: offer, slots, book, conflict, cancel, reschedule, hold, series. */
@ExtendWith(VertxExtension.class)
class BookingFlowTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  private List<String> freeStarts(LocalDate day, String tz) {
    JsonObject body = expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId() + "/slots?from=" + day
        + "&to=" + day.plusDays(1) + "&tz=" + tz));
    return body.getJsonArray("slots").stream().map(s -> ((JsonObject) s).getString("start")).toList();
  }

  private List<String> mondayStarts() {
    return freeStarts(ApiFixture.monday(), "Europe/Berlin");
  }

  private JsonObject book(String start, JsonObject extra) {
    return expect(201, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/bookings",
        ApiFixture.bookingRequest(start, "customer@example.com").mergeIn(extra)));
  }

  private static String berlin(int hour) {
    return ApiFixture.mondayAt(hour, 0).toString();
  }

  @Test
  @DisplayName("the offer shows provider, resource, type, durations, price and payment, and nothing internal")
  void offerDescribesTheBookingType() {
    JsonObject offer = expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId()));
    assertThat(offer.getString("name")).isEqualTo("One hour");
    assertThat(offer.getJsonArray("durationsMinutes")).containsExactly(60);
    assertThat(offer.getJsonObject("provider").getString("handle")).isEqualTo("alice");
    assertThat(offer.getJsonObject("provider").getString("displayName")).isEqualTo("Provider alice");
    assertThat(offer.getJsonObject("resource").getString("timeZone")).isEqualTo("Europe/Berlin");
    assertThat(offer.getJsonObject("price").getLong("amountMinor")).isZero();
    assertThat(offer.getString("payment")).isEqualTo("NONE");
    assertThat(offer.encode()).doesNotContain("alice@example.com");
    assertThat(offer.getString("cancellationPolicyText")).isEqualTo("Cancel online any time before the start");
    assertThat(expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId() + "?lang=de"))
        .getString("cancellationPolicyText")).as("in the page's language").isEqualTo("Online stornierbar bis zum Beginn");
    expectProblem(400, api.get("/api/v1/public/booking-types/" + alice.typeId() + "?lang=fr"));
  }

  @Test
  @DisplayName("slots are UTC instants with localStart in the viewer's zone; from inclusive, to exclusive")
  void slotsAreShownInTheViewersZone() {
    LocalDate monday = ApiFixture.monday();
    JsonObject body = expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId() + "/slots?from="
        + monday + "&to=" + monday.plusDays(1) + "&tz=Europe/Berlin"));
    assertThat(body.getString("timeZone")).isEqualTo("Europe/Berlin");
    assertThat(body.getString("from")).isEqualTo(monday.toString());
    assertThat(body.getString("to")).isEqualTo(monday.plusDays(1).toString());
    assertThat(mondayStarts()).containsExactly(berlin(9), berlin(11), berlin(13), berlin(14), berlin(15), berlin(16));
    JsonObject first = body.getJsonArray("slots").getJsonObject(0);
    assertThat(first.getString("end")).isEqualTo(ApiFixture.mondayAt(10, 0).toString());
    assertThat(first.getString("localStart")).isEqualTo(monday + "T09:00");

    // The same instants seen from Tokyo: Monday 09:00 Berlin is Monday evening there; Tuesday in Tokyo is empty
    // of Monday's Berlin morning.
    JsonObject tokyo = expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId() + "/slots?from="
        + monday + "&to=" + monday.plusDays(1) + "&tz=Asia/Tokyo"));
    for (Object slot : tokyo.getJsonArray("slots")) {
      JsonObject s = (JsonObject) slot;
      assertThat(s.getString("localStart")).isEqualTo(
          Instant.parse(s.getString("start")).atZone(ZoneId.of("Asia/Tokyo")).toLocalDateTime().toString());
      assertThat(s.getString("localStart")).startsWith(monday.toString());
    }
  }

  @Test
  @DisplayName("each date of the range has a state for the month view: free, full (all taken) or closed (weekend)")
  void daysAreFreeFullOrClosed() {
    LocalDate monday = ApiFixture.monday();
    for (String start : mondayStarts()) {
      book(start, new JsonObject());
    }
    JsonObject body = expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId() + "/slots?from="
        + monday + "&to=" + monday.plusDays(7) + "&tz=Europe/Berlin"));
    List<String> states = body.getJsonArray("days").stream().map(d -> ((JsonObject) d).getString("date") + " "
        + ((JsonObject) d).getString("state")).toList();
    assertThat(states).containsExactly(monday + " full", monday.plusDays(1) + " free", monday.plusDays(2) + " free",
        monday.plusDays(3) + " free", monday.plusDays(4) + " free", monday.plusDays(5) + " closed",
        monday.plusDays(6) + " closed");
    assertThat(body.getJsonArray("slots").stream().map(s -> ((JsonObject) s).getString("start")))
        .noneMatch(start -> start.startsWith(monday.toString()));
    JsonObject daysOnly = expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId() + "/slots?from="
        + monday + "&to=" + monday.plusDays(7) + "&tz=Europe/Berlin&slots=false"));
    assertThat(daysOnly.getJsonArray("slots")).isEmpty();
    assertThat(daysOnly.getJsonArray("days")).isEqualTo(body.getJsonArray("days"));
    expect(400, api.get("/api/v1/public/booking-types/" + alice.typeId() + "/slots?from=" + monday + "&to="
        + monday.plusDays(63) + "&tz=Europe/Berlin"));
  }

  @Test
  @DisplayName("book a slot: 201 with a manage token; the same slot again: 409 with free alternatives")
  void bookingTakesTheSlotAndASecondAttemptGetsAlternatives() {
    String start = berlin(13);
    JsonObject receipt = book(start, new JsonObject());
    assertThat(receipt.getString("manageToken")).startsWith(receipt.getJsonObject("booking").getString("id") + ".");
    JsonObject booking = receipt.getJsonObject("booking");
    assertThat(booking.getString("start")).isEqualTo(start);
    assertThat(booking.getString("status")).isEqualTo("CONFIRMED");
    assertThat(booking.getString("timeZone")).isEqualTo("America/New_York");
    assertThat(booking.getString("localStart")).isEqualTo(
        Instant.parse(start).atZone(ZoneId.of("America/New_York")).toLocalDateTime().toString());
    assertThat(receipt.getJsonArray("bookings")).hasSize(1);
    assertThat(mondayStarts()).doesNotContain(start);

    JsonObject conflict = expectProblem(409, api.post("/api/v1/public/booking-types/" + alice.typeId()
        + "/bookings", ApiFixture.bookingRequest(start, "late@example.com")));
    assertThat(conflict.getString("type")).endsWith("slot-unavailable");
    JsonArray alternatives = conflict.getJsonArray("alternatives");
    assertThat(alternatives).isNotEmpty();
    List<String> free = mondayStarts();
    for (Object alternative : alternatives) {
      String altStart = ((JsonObject) alternative).getString("start");
      assertThat(altStart).isNotEqualTo(start);
      assertThat(((JsonObject) alternative).getString("end")).isNotBlank();
    }
    assertThat(free).contains(alternatives.getJsonObject(0).getString("start"));
    assertThat(api.storedBookings("alice")).hasSize(2);
  }

  @Test
  @DisplayName("cancel through the manage link frees the slot; cancelling twice is a 409")
  void cancellingFreesTheSlot() {
    String start = berlin(14);
    String token = book(start, new JsonObject()).getString("manageToken");
    assertThat(mondayStarts()).doesNotContain(start);

    JsonObject found = expect(200, api.get("/api/v1/public/bookings/" + token));
    assertThat(found.getJsonObject("booking").getString("start")).isEqualTo(start);
    JsonObject cancelled = expect(200, api.post("/api/v1/public/bookings/" + token + "/cancel", null));
    assertThat(cancelled.getJsonObject("booking").getString("status")).isEqualTo("CANCELLED");
    assertThat(mondayStarts()).contains(start);
    expectProblem(409, api.post("/api/v1/public/bookings/" + token + "/cancel", null));
    book(start, new JsonObject());
  }

  @Test
  @DisplayName("the customer's optional cancellation reason is kept and shown to the provider; over 500 characters is a 400")
  void cancellationReasonReachesTheProvider() {
    String token = book(berlin(16), new JsonObject()).getString("manageToken");
    JsonObject tooLong = expectProblem(400, api.post("/api/v1/public/bookings/" + token + "/cancel",
        new JsonObject().put("reason", "x".repeat(501))));
    assertThat(tooLong.encode()).contains("reason");
    expectProblem(400, api.post("/api/v1/public/bookings/" + token + "/cancel",
        new JsonObject().put("why", "unknown field")));
    JsonObject cancelled = expect(200, api.post("/api/v1/public/bookings/" + token + "/cancel",
        new JsonObject().put("reason", " Ill <b>sorry</b>\nNext month? "))).getJsonObject("booking");
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.getString("cancellationReason")).isEqualTo("Ill <b>sorry</b>\nNext month?");
    JsonObject seen = expect(200, api.get("/api/v1/bookings/" + cancelled.getString("id"), alice.bearer()))
        .getJsonObject("booking");
    assertThat(seen.getString("cancellationReason")).isEqualTo("Ill <b>sorry</b>\nNext month?");
  }

  @Test
  @DisplayName("reschedule moves the booking in one step: the old slot frees, the new one is taken; onto a taken slot is 409")
  void rescheduleMovesTheBooking() {
    String token = book(berlin(13), new JsonObject()).getString("manageToken");
    JsonObject moved = expect(200, api.post("/api/v1/public/bookings/" + token + "/reschedule",
        new JsonObject().put("start", berlin(15))));
    assertThat(moved.getJsonObject("booking").getString("start")).isEqualTo(berlin(15));
    assertThat(moved.getJsonObject("booking").getInteger("sequence")).isEqualTo(1);
    List<String> free = mondayStarts();
    assertThat(free).contains(berlin(13)).doesNotContain(berlin(15));

    JsonObject refused = expectProblem(409, api.post("/api/v1/public/bookings/" + token + "/reschedule",
        new JsonObject().put("start", berlin(10))));
    assertThat(refused.getJsonArray("alternatives")).isNotEmpty();
    assertThat(expect(200, api.get("/api/v1/public/bookings/" + token)).getJsonObject("booking").getString("start"))
        .isEqualTo(berlin(15));
  }

  @Test
  @DisplayName("a hold blocks the slot until it expires by itself; then the slot is free again")
  void holdBlocksUntilItExpires() {
    JsonObject held = book(berlin(16), new JsonObject().put("hold", true)).getJsonObject("booking");
    assertThat(held.getString("status")).isEqualTo("HELD");
    Instant expiry = Instant.parse(held.getString("holdExpiresAt"));
    assertThat(expiry).isAfter(api.clock.instant());
    assertThat(mondayStarts()).doesNotContain(berlin(16));
    expectProblem(409, api.post("/api/v1/public/booking-types/" + alice.typeId() + "/bookings",
        ApiFixture.bookingRequest(berlin(16), "other@example.com")));

    api.clock.advance(Duration.between(api.clock.instant(), expiry).plusSeconds(1));
    assertThat(mondayStarts()).contains(berlin(16));
    JsonObject after = book(berlin(16), new JsonObject()).getJsonObject("booking");
    assertThat(after.getString("status")).isEqualTo("CONFIRMED");
  }

  @Test
  @DisplayName("a weekly series is booked all together, each with its own token, at the same wall-clock time")
  void weeklySeriesIsBookedTogether() {
    JsonObject receipt = book(berlin(9), new JsonObject().put("weeklyOccurrences", 3));
    JsonArray all = receipt.getJsonArray("bookings");
    assertThat(all).hasSize(3);
    String seriesId = all.getJsonObject(0).getJsonObject("booking").getString("seriesId");
    assertThat(seriesId).isNotBlank();
    for (int week = 0; week < 3; week++) {
      JsonObject entry = all.getJsonObject(week);
      JsonObject booking = entry.getJsonObject("booking");
      assertThat(booking.getString("seriesId")).isEqualTo(seriesId);
      assertThat(Instant.parse(booking.getString("start")).atZone(ApiFixture.BERLIN).toLocalDateTime())
          .isEqualTo(ApiFixture.monday().plusWeeks(week).atTime(9, 0));
      expect(200, api.get("/api/v1/public/bookings/" + entry.getString("manageToken")));
    }
  }

  @Test
  @DisplayName("a weekly series with one taken week is refused whole (409) and books nothing")
  void weeklySeriesIsAllOrNothing() {
    Instant thirdWeek = ApiFixture.monday().plusWeeks(2).atTime(11, 0).atZone(ApiFixture.BERLIN).toInstant();
    book(thirdWeek.toString(), new JsonObject());
    int before = api.storedBookings("alice").size();

    JsonObject refused = expectProblem(409, api.post("/api/v1/public/booking-types/" + alice.typeId()
        + "/bookings", ApiFixture.bookingRequest(berlin(11), "series@example.com").put("weeklyOccurrences", 4)));
    assertThat(refused.getString("detail")).isNotBlank();
    assertThat(api.storedBookings("alice")).hasSize(before);
    assertThat(mondayStarts()).contains(berlin(11));
    assertThat(api.storedBookings("alice")).noneMatch(b -> b.status() == BookingStatus.HELD);
  }

  @Test
  @DisplayName("a type with several durations lists slots per chosen duration and books the chosen one")
  void chosenDurationIsHonoured() {
    expect(201, api.post("/api/v1/booking-types", alice.bearer(), new JsonObject()
        .put("id", "flex").put("resourceId", alice.resourceId()).put("name", "Flexible")
        .put("durationsMinutes", new JsonArray().add(30).add(90)).put("slotIntervalMinutes", 30)));
    LocalDate monday = ApiFixture.monday();
    JsonObject ninety = expect(200, api.get("/api/v1/public/booking-types/flex/slots?from=" + monday + "&to="
        + monday.plusDays(1) + "&tz=Europe/Berlin&duration=90"));
    assertThat(ninety.getInteger("durationMinutes")).isEqualTo(90);
    JsonObject first = ninety.getJsonArray("slots").getJsonObject(0);
    assertThat(Duration.between(Instant.parse(first.getString("start")), Instant.parse(first.getString("end"))))
        .isEqualTo(Duration.ofMinutes(90));
    JsonObject booked = expect(201, api.post("/api/v1/public/booking-types/flex/bookings",
        ApiFixture.bookingRequest(first.getString("start"), "long@example.com").put("durationMinutes", 90)));
    assertThat(booked.getJsonObject("booking").getString("end")).isEqualTo(first.getString("end"));
  }
}
