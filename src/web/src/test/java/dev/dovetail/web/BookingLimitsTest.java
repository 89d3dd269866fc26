package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.web.http.TrustedProxies;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 item 7: the abuse limits a provider tunes per booking type (series length, holds per customer e-mail and
 * per client address in a window), set through the API and enforced on the public booking route.
 */
@ExtendWith(VertxExtension.class)
class BookingLimitsTest {

  private static final String TYPE = "limited";

  private static String bookings() {
    return "/api/v1/public/booking-types/" + TYPE + "/bookings";
  }

  /** A 60-minute type on the tenant's room with these limits. */
  private static void limitedType(ApiFixture api, ApiFixture.Tenant tenant, JsonObject limits) {
    expect(201, api.post("/api/v1/booking-types", tenant.bearer(), new JsonObject()
        .put("id", TYPE).put("resourceId", tenant.resourceId()).put("name", "Limited hour")
        .put("durationsMinutes", new JsonArray().add(60)).put("limits", limits)));
  }

  private static JsonObject hold(int hour, String email) {
    return ApiFixture.bookingRequest(ApiFixture.mondayAt(hour, 0).toString(), email).put("hold", true);
  }

  private static int heldBookings(ApiFixture api, ApiFixture.Tenant tenant) {
    return (int) api.storedBookings(tenant.handle()).stream().filter(b -> b.bookingTypeId().equals(TYPE)).count();
  }

  @Test
  @DisplayName("a provider sets, reads and changes a type's limits; absent ones take the defaults; bad ones are 400")
  void limitsAreSetAndReadThroughTheApi(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    JsonObject defaults = expect(200, api.get("/api/v1/booking-types/" + alice.typeId(), alice.bearer()))
        .getJsonObject("limits");
    assertThat(defaults).isEqualTo(new JsonObject().put("maxWeeklyOccurrences", 12).put("holdsPerEmail", 5)
        .put("holdsPerAddress", 20).put("holdWindowMinutes", 60));

    limitedType(api, alice, new JsonObject().put("holdsPerEmail", 2));
    JsonObject type = expect(200, api.get("/api/v1/booking-types/" + TYPE, alice.bearer()));
    assertThat(type.getJsonObject("limits").getInteger("holdsPerEmail")).isEqualTo(2);
    assertThat(type.getJsonObject("limits").getInteger("holdsPerAddress")).isEqualTo(20);

    JsonObject update = type.copy();
    update.remove("id");
    update.put("limits", new JsonObject().put("maxWeeklyOccurrences", 4).put("holdsPerAddress", 0)
        .put("holdWindowMinutes", 1440));
    expect(200, api.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/booking-types/" + TYPE, alice.bearer(), update));
    assertThat(expect(200, api.get("/api/v1/booking-types/" + TYPE, alice.bearer())).getJsonObject("limits"))
        .isEqualTo(new JsonObject().put("maxWeeklyOccurrences", 4).put("holdsPerEmail", 5)
            .put("holdsPerAddress", 0).put("holdWindowMinutes", 1440));

    for (JsonObject bad : List.of(new JsonObject().put("maxWeeklyOccurrences", 53),
        new JsonObject().put("maxWeeklyOccurrences", 0), new JsonObject().put("holdsPerEmail", -1),
        new JsonObject().put("holdWindowMinutes", 0), new JsonObject().put("holdWindowMinutes", 10081),
        new JsonObject().put("holdsPerEmail", "many"), new JsonObject().put("perFortnight", 3))) {
      update.put("limits", bad);
      expectProblem(400, api.send(io.vertx.core.http.HttpMethod.PUT, "/api/v1/booking-types/" + TYPE,
          alice.bearer(), update));
    }
    assertThat(expect(200, api.get("/api/v1/booking-types/" + TYPE, alice.bearer())).getJsonObject("limits")
        .getInteger("maxWeeklyOccurrences")).as("a refused update changes nothing").isEqualTo(4);
  }

  @Test
  @DisplayName("a series longer than the type allows is refused with its limit, nothing booked; at the limit it books")
  void seriesLongerThanTheTypeAllowsIsRefused(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    limitedType(api, alice, new JsonObject().put("maxWeeklyOccurrences", 3));
    JsonObject problem = expectProblem(400, api.post(bookings(),
        ApiFixture.bookingRequest(ApiFixture.mondayAt(9, 0).toString(), "series@example.com")
            .put("weeklyOccurrences", 4)));
    assertThat(problem.getString("detail")).contains("at most 3 weeks");
    assertThat(heldBookings(api, alice)).isZero();
    assertThat(api.outbox.all()).noneMatch(m -> m.recipient().equals("series@example.com"));

    JsonObject receipt = expect(201, api.post(bookings(),
        ApiFixture.bookingRequest(ApiFixture.mondayAt(9, 0).toString(), "series@example.com")
            .put("weeklyOccurrences", 3)));
    assertThat(receipt.getJsonArray("bookings")).hasSize(3);
  }

  @Test
  @DisplayName("holds beyond the type's limit per e-mail are 429 with the reason and Retry-After, until the window passes")
  void holdsPerEmailAreLimitedWithinTheWindow(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    limitedType(api, alice, new JsonObject().put("holdsPerEmail", 2).put("holdsPerAddress", 0)
        .put("holdWindowMinutes", 30));
    expect(201, api.post(bookings(), hold(9, "hoarder@example.com")));
    api.clock.advance(Duration.ofMinutes(10));
    expect(201, api.post(bookings(), hold(11, " Hoarder@Example.com")));

    HttpResponse<Buffer> refused = api.post(bookings(), hold(13, "HOARDER@example.com"));
    JsonObject problem = expectProblem(429, refused);
    assertThat(problem.getString("detail")).contains("e-mail").contains("at most 2").contains("30 minutes");
    assertThat(refused.getHeader("Retry-After")).as("the first hold leaves the window in 20 minutes")
        .isEqualTo("1200");
    assertThat(heldBookings(api, alice)).isEqualTo(2);

    expect(201, api.post(bookings(), hold(13, "someone-else@example.com")));
    expect(201, api.post(bookings(), ApiFixture.bookingRequest(ApiFixture.mondayAt(14, 0).toString(),
        "hoarder@example.com")));  // a confirmed booking is not a hold

    api.clock.advance(Duration.ofMinutes(20));
    expect(201, api.post(bookings(), hold(15, "hoarder@example.com")));
    expectProblem(429, api.post(bookings(), hold(16, "hoarder@example.com")));
  }

  @Test
  @DisplayName("a hold refused for a taken slot (409) does not use up the customer's holds")
  void refusedHoldsDoNotCount(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx);
    ApiFixture.Tenant alice = api.tenant("alice");
    limitedType(api, alice, new JsonObject().put("holdsPerEmail", 1));
    expect(201, api.post(bookings(), ApiFixture.bookingRequest(ApiFixture.mondayAt(9, 0).toString(),
        "first@example.com")));
    for (int i = 0; i < 3; i++) {
      expectProblem(409, api.post(bookings(), hold(9, "late@example.com")));
    }
    expect(201, api.post(bookings(), hold(11, "late@example.com")));
    expectProblem(429, api.post(bookings(), hold(13, "late@example.com")));
  }

  @Test
  @DisplayName("holds per client address count each forwarded client behind a trusted proxy, whatever e-mail it uses")
  void holdsPerAddressAreLimitedPerResolvedClient(Vertx vertx) {
    ApiFixture api = ApiFixture.start(vertx, 100_000, WebOptions.DEFAULT_MAX_BODY_BYTES, services -> services,
        TrustedProxies.of(List.of("127.0.0.0/8")));
    ApiFixture.Tenant alice = api.tenant("alice");
    limitedType(api, alice, new JsonObject().put("holdsPerEmail", 0).put("holdsPerAddress", 2));
    assertThat(holdFrom(api, "203.0.113.7", 9, "a@example.com").statusCode()).isEqualTo(201);
    assertThat(holdFrom(api, "203.0.113.7", 11, "b@example.com").statusCode()).isEqualTo(201);
    HttpResponse<Buffer> refused = holdFrom(api, "203.0.113.7", 13, "c@example.com");
    assertThat(expectProblem(429, refused).getString("detail")).contains("network address");
    assertThat(refused.getHeader("Retry-After")).isEqualTo("3600");
    assertThat(holdFrom(api, "198.51.100.4", 13, "c@example.com").statusCode()).as("another client")
        .isEqualTo(201);
    assertThat(heldBookings(api, alice)).isEqualTo(3);
  }

  private static HttpResponse<Buffer> holdFrom(ApiFixture api, String client, int hour, String email) {
    return api.client.post(bookings()).putHeader("X-Forwarded-For", client).sendJsonObject(hold(hour, email))
        .await();
  }
}
