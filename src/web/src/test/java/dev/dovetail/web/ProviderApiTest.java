package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The provider side: sessions with CSRF, API tokens, app passwords, catalog management, bookings, pagination. */
@ExtendWith(VertxExtension.class)
class ProviderApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  private static JsonObject resource(String name) {
    return new JsonObject().put("name", name).put("timeZone", "America/New_York");
  }

  @Test
  @DisplayName("login sets an HttpOnly, SameSite=Strict, Secure session cookie and returns the CSRF token")
  void loginSetsAHardenedCookie() {
    HttpResponse<Buffer> response = api.post("/api/v1/auth/login",
        new JsonObject().put("login", "alice@example.com").put("password", ApiFixture.PASSWORD));
    JsonObject body = expect(200, response);
    assertThat(body.getString("providerId")).isEqualTo("alice");
    assertThat(body.getString("csrfToken")).hasSizeGreaterThan(30);
    assertThat(response.getHeader("X-CSRF-Token")).isEqualTo(body.getString("csrfToken"));
    String cookie = response.cookies().stream().filter(c -> c.startsWith("dovetail.session=")).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
        .containsIgnoringCase("Secure").contains("Path=/");
    ApiFixture.Session byHandle = api.login("alice", ApiFixture.PASSWORD);
    assertThat(expect(200, api.get("/api/v1/me", byHandle.auth())).getString("providerId")).isEqualTo("alice");
  }

  @Test
  @DisplayName("session writes need the CSRF token: none or a wrong one is 403 and changes nothing; reads do not")
  void sessionWritesNeedTheCsrfToken() {
    ApiFixture.Session session = alice.session();
    JsonObject problem = expectProblem(403, api.post("/api/v1/resources", session.withoutCsrf(), resource("A")));
    assertThat(problem.getString("detail")).contains("X-CSRF-Token");
    expectProblem(403, api.post("/api/v1/resources", ApiFixture.Auth.session(session.cookie(), "forged"),
        resource("B")));
    expectProblem(403, api.send(HttpMethod.DELETE, "/api/v1/resources/" + alice.resourceId(),
        session.withoutCsrf(), null));
    expectProblem(403, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel", session.withoutCsrf(), null));
    assertThat(expect(200, api.get("/api/v1/resources", session.withoutCsrf())).getJsonArray("items")).hasSize(1);

    JsonObject csrf = expect(200, api.get("/api/v1/auth/csrf", session.withoutCsrf()));
    assertThat(csrf.getString("csrfToken")).isEqualTo(session.csrf());
    expect(201, api.post("/api/v1/resources", ApiFixture.Auth.session(session.cookie(), csrf.getString("csrfToken")),
        resource("C")));
    // API tokens carry no ambient credential, so they need no CSRF token.
    expect(201, api.post("/api/v1/resources", alice.bearer(), resource("D")));
    assertThat(expect(200, api.get("/api/v1/auth/csrf", alice.bearer())).getString("csrfToken")).isNull();
  }

  @Test
  @DisplayName("each login gets a new session id (no fixation); the old id stops working; logout ends the session")
  void loginRegeneratesAndLogoutEndsTheSession() {
    ApiFixture.Session first = alice.session();
    HttpResponse<Buffer> again = api.post("/api/v1/auth/login", ApiFixture.Auth.session(first.cookie(), null),
        new JsonObject().put("login", "alice@example.com").put("password", ApiFixture.PASSWORD));
    expect(200, again);
    String second = ApiFixture.sessionCookie(again);
    assertThat(second).isNotEqualTo(first.cookie());
    expectProblem(401, api.get("/api/v1/me", first.withoutCsrf()));
    ApiFixture.Session current = new ApiFixture.Session(second, again.bodyAsJsonObject().getString("csrfToken"));
    expect(200, api.get("/api/v1/me", current.auth()));

    expectProblem(403, api.post("/api/v1/auth/logout", current.withoutCsrf(), null));
    assertThat(api.post("/api/v1/auth/logout", current.auth(), null).statusCode()).isEqualTo(204);
    expectProblem(401, api.get("/api/v1/me", current.auth()));
  }

  @Test
  @DisplayName("API tokens: issued once with the secret, listed without it, usable as Bearer, dead once revoked")
  void apiTokenLifecycle() {
    JsonObject issued = expect(201, api.post("/api/v1/api-tokens", alice.bearer(),
        new JsonObject().put("label", "zapier")));
    String secret = issued.getString("secret");
    assertThat(secret).startsWith("dtk_");
    JsonObject me = expect(200, api.get("/api/v1/me", ApiFixture.Auth.bearer(secret)));
    assertThat(me.getString("authenticatedVia")).isEqualTo("API_TOKEN");
    JsonObject list = expect(200, api.get("/api/v1/api-tokens", alice.bearer()));
    assertThat(list.getJsonArray("items")).hasSize(2);
    assertThat(list.encode()).doesNotContain("secret").doesNotContain(secret.substring(40));

    assertThat(api.send(HttpMethod.DELETE, "/api/v1/api-tokens/" + issued.getString("id"), alice.bearer(), null)
        .statusCode()).isEqualTo(204);
    expectProblem(401, api.get("/api/v1/me", ApiFixture.Auth.bearer(secret)));
    expectProblem(404, api.send(HttpMethod.DELETE, "/api/v1/api-tokens/" + issued.getString("id"), alice.bearer(),
        null));
    expectProblem(401, api.get("/api/v1/me", ApiFixture.Auth.bearer(secret.substring(0, secret.length() - 2))));
    HttpResponse<Buffer> basic = api.client.get("/api/v1/me").putHeader("Authorization", "Basic YWxpY2U6eA==")
        .send().await();
    expectProblem(401, basic);
  }

  @Test
  @DisplayName("app passwords are issued, listed and revoked, but are no API tokens")
  void appPasswordsAreNotApiTokens() {
    JsonObject issued = expect(201, api.post("/api/v1/app-passwords", alice.bearer(),
        new JsonObject().put("label", "DAVx5")));
    assertThat(issued.getString("secret")).startsWith("dtap_");
    expectProblem(401, api.get("/api/v1/me", ApiFixture.Auth.bearer(issued.getString("secret"))));
    assertThat(expect(200, api.get("/api/v1/app-passwords", alice.bearer())).getJsonArray("items")).hasSize(2);
    expectProblem(404, api.send(HttpMethod.DELETE, "/api/v1/api-tokens/" + issued.getString("id"), alice.bearer(),
        null));
    assertThat(api.send(HttpMethod.DELETE, "/api/v1/app-passwords/" + issued.getString("id"), alice.bearer(), null)
        .statusCode()).isEqualTo(204);
    assertThat(expect(200, api.get("/api/v1/app-passwords", alice.bearer())).getJsonArray("items")).hasSize(1);
    expectProblem(400, api.post("/api/v1/app-passwords", alice.bearer(), new JsonObject().put("label", "")));
  }

  @Test
  @DisplayName("resources: create with a slug or a generated id, read, update (keeping hours), delete")
  void resourceCrud() {
    JsonObject generated = expect(201, api.post("/api/v1/resources", alice.bearer(), resource("Desk")));
    assertThat(generated.getString("id")).matches("[0-9a-f]{32}");
    assertThat(generated.getBoolean("bookable")).isTrue();
    JsonObject slugged = expect(201, api.post("/api/v1/resources", alice.bearer(),
        resource("Boat").put("id", "boat").put("bookable", false)));
    assertThat(slugged.getString("id")).isEqualTo("boat");
    expectProblem(409, api.post("/api/v1/resources", alice.bearer(), resource("Boat 2").put("id", "boat")));
    expectProblem(400, api.post("/api/v1/resources", alice.bearer(), resource("Bad").put("id", "Not A Slug")));
    expectProblem(400, api.post("/api/v1/resources", alice.bearer(), resource("Bad").put("timeZone", "Nowhere/X")));

    JsonObject updated = expect(200, api.send(HttpMethod.PUT, "/api/v1/resources/" + alice.resourceId(),
        alice.bearer(), new JsonObject().put("name", "Big room").put("timeZone", "Europe/Berlin")));
    assertThat(updated.getString("name")).isEqualTo("Big room");
    assertThat(updated.getJsonObject("availability").getJsonObject("weeklyHours").fieldNames()).hasSize(5);
    assertThat(expect(200, api.get("/api/v1/resources/boat", alice.bearer())).getBoolean("bookable")).isFalse();

    assertThat(api.send(HttpMethod.DELETE, "/api/v1/resources/boat", alice.bearer(), null).statusCode())
        .isEqualTo(204);
    // Alice's room is still offered by her booking type: refused with the reason, nothing deleted.
    assertThat(expectProblem(409, api.send(HttpMethod.DELETE, "/api/v1/resources/" + alice.resourceId(),
        alice.bearer(), null)).getString("detail")).contains(alice.typeId());
    expect(200, api.get("/api/v1/resources/" + alice.resourceId(), alice.bearer()));
    expectProblem(404, api.get("/api/v1/resources/boat", alice.bearer()));
  }

  @Test
  @DisplayName("availability: weekly hours, breaks, overrides and holidays drive the public slots")
  void availabilityDrivesSlots() {
    LocalDate monday = ApiFixture.monday();
    JsonObject rule = new JsonObject()
        .put("weeklyHours", new JsonObject().put("monday", new JsonArray()
            .add(new JsonObject().put("start", "08:00").put("end", "12:00"))))
        .put("breaks", new JsonArray().add(new JsonObject().put("start", "10:00").put("end", "11:00")))
        .put("dateOverrides", new JsonObject().put(monday.plusWeeks(1).toString(), new JsonArray()
            .add(new JsonObject().put("start", "20:00").put("end", "24:00"))))
        .put("holidays", new JsonArray().add(monday.plusWeeks(2).toString()));
    JsonObject saved = expect(200, api.send(HttpMethod.PUT, "/api/v1/resources/" + alice.resourceId()
        + "/availability", alice.session().auth(), rule));
    assertThat(saved.getJsonObject("availability").getJsonObject("dateOverrides")
        .getJsonArray(monday.plusWeeks(1).toString()).getJsonObject(0).getString("end")).isEqualTo("24:00");

    assertThat(localStarts(monday)).containsExactly(monday + "T08:00", monday + "T09:00", monday + "T11:00");
    LocalDate next = monday.plusWeeks(1);
    assertThat(localStarts(next)).containsExactly(next + "T20:00", next + "T21:00", next + "T22:00", next + "T23:00");
    assertThat(localStarts(monday.plusWeeks(2))).isEmpty();
    assertThat(localStarts(monday.plusDays(1))).isEmpty();

    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/resources/" + alice.resourceId() + "/availability",
        alice.bearer(), new JsonObject().put("weeklyHours", new JsonObject().put("funday", new JsonArray()))));
    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/resources/" + alice.resourceId() + "/availability",
        alice.bearer(), new JsonObject().put("breaks", new JsonArray()
            .add(new JsonObject().put("start", "10:00").put("end", "12:00"))
            .add(new JsonObject().put("start", "11:00").put("end", "13:00")))));
    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/resources/" + alice.resourceId() + "/availability",
        alice.bearer(), new JsonObject().put("breaks", new JsonArray()
            .add(new JsonObject().put("start", "12:00").put("end", "11:00")))));
    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/resources/" + alice.resourceId() + "/availability",
        alice.bearer(), new JsonObject().put("holidays", new JsonArray().add("2026-02-30"))));
    assertThat(localStarts(monday)).hasSize(3);
  }

  private List<String> localStarts(LocalDate day) {
    JsonObject body = expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId() + "/slots?from=" + day
        + "&to=" + day.plusDays(1) + "&tz=Europe/Berlin"));
    return body.getJsonArray("slots").stream().map(s -> ((JsonObject) s).getString("localStart")).toList();
  }

  @Test
  @DisplayName("booking types: defaults applied, read, replaced, deleted; unknown resource or bad values are 400")
  void bookingTypeCrud() {
    JsonObject created = expect(201, api.post("/api/v1/booking-types", alice.bearer(), new JsonObject()
        .put("resourceId", alice.resourceId()).put("name", "Quick").put("durationsMinutes", new JsonArray().add(15))));
    String id = created.getString("id");
    assertThat(created.getInteger("slotIntervalMinutes")).isEqualTo(15);
    assertThat(created.getInteger("horizonDays")).isEqualTo(365);
    assertThat(created.getString("payment")).isEqualTo("NONE");

    JsonObject replaced = expect(200, api.send(HttpMethod.PUT, "/api/v1/booking-types/" + id, alice.bearer(),
        new JsonObject().put("resourceId", alice.resourceId()).put("name", "Paid").put("durationsMinutes",
            new JsonArray().add(30)).put("bufferAfterMinutes", 10)
            .put("price", new JsonObject().put("amountMinor", 2500).put("currency", "EUR")).put("payment", "NONE")
            .put("cancellationPolicy", new JsonArray().add(new JsonObject().put("noticeHours", 24)
                .put("refundPercent", 100)))));
    assertThat(replaced.getString("payment")).isEqualTo("NONE");
    assertThat(replaced.getJsonArray("cancellationPolicy").getJsonObject(0).getInteger("noticeHours")).isEqualTo(24);
    JsonObject offer = expect(200, api.get("/api/v1/public/booking-types/" + id));
    assertThat(offer.getJsonObject("price").getLong("amountMinor")).isEqualTo(2500);
    assertThat(offer.getString("payment")).isEqualTo("NONE");

    expectProblem(400, api.post("/api/v1/booking-types", alice.bearer(), new JsonObject()
        .put("resourceId", "no-such-room").put("name", "X").put("durationsMinutes", new JsonArray().add(15))));
    expectProblem(400, api.post("/api/v1/booking-types", alice.bearer(), new JsonObject()
        .put("resourceId", alice.resourceId()).put("name", "X").put("durationsMinutes", new JsonArray())));
    expectProblem(400, api.post("/api/v1/booking-types", alice.bearer(), new JsonObject()
        .put("resourceId", alice.resourceId()).put("name", "X").put("durationsMinutes", new JsonArray().add(15))
        .put("payment", "BITCOIN")));
    expectProblem(400, api.post("/api/v1/booking-types", alice.bearer(), new JsonObject()
        .put("resourceId", alice.resourceId()).put("name", "X").put("durationsMinutes", new JsonArray().add(15))
        .put("unknown", 1)));

    assertThat(api.send(HttpMethod.DELETE, "/api/v1/booking-types/" + id, alice.bearer(), null).statusCode())
        .isEqualTo(204);
    expectProblem(404, api.get("/api/v1/booking-types/" + id, alice.bearer()));
    expectProblem(404, api.get("/api/v1/public/booking-types/" + id));
  }

  @Test
  @DisplayName("a booking type with a booking to come is not deleted (409 naming it); once it is cancelled, it is")
  void bookingTypeWithFutureBookingIsNotDeleted() {
    JsonObject refused = expectProblem(409, api.send(HttpMethod.DELETE, "/api/v1/booking-types/" + alice.typeId(),
        alice.bearer(), null));
    assertThat(refused.getString("detail")).contains(alice.bookingId()).contains("cancel");
    expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId()));

    expect(200, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel", alice.bearer(), null));
    assertThat(api.send(HttpMethod.DELETE, "/api/v1/booking-types/" + alice.typeId(), alice.bearer(), null)
        .statusCode()).isEqualTo(204);
    expectProblem(404, api.get("/api/v1/public/booking-types/" + alice.typeId()));
  }

  @Test
  @DisplayName("bookings: listed by resource, read, cancelled by the provider (frees the slot), twice is 409")
  void providerBookings() {
    JsonObject list = expect(200, api.get("/api/v1/bookings?resourceId=" + alice.resourceId(), alice.bearer()));
    assertThat(list.getJsonArray("items")).hasSize(1);
    assertThat(expect(200, api.get("/api/v1/bookings?resourceId=other-room", alice.bearer()))
        .getJsonArray("items")).isEmpty();
    JsonObject booking = expect(200, api.get("/api/v1/bookings/" + alice.bookingId(), alice.bearer()))
        .getJsonObject("booking");
    assertThat(booking.getString("customerEmail")).isEqualTo("first-alice@example.com");
    Instant start = Instant.parse(booking.getString("start"));
    assertThat(expect(200, api.get("/api/v1/bookings?from=" + start + "&to=" + start.plusSeconds(60), alice.bearer()))
        .getJsonArray("items")).hasSize(1);
    assertThat(expect(200, api.get("/api/v1/bookings?from=" + start.plusSeconds(86_400), alice.bearer()))
        .getJsonArray("items")).isEmpty();
    assertThat(expect(200, api.get("/api/v1/bookings?to=" + start, alice.bearer())).getJsonArray("items")).isEmpty();
    expectProblem(400, api.get("/api/v1/bookings?from=" + start + "&to=" + start, alice.bearer()));
    expectProblem(400, api.get("/api/v1/bookings?from=yesterday", alice.bearer()));

    JsonObject cancelled = expect(200, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel",
        alice.session().auth(), null));
    assertThat(cancelled.getJsonObject("booking").getString("status")).isEqualTo("CANCELLED");
    expectProblem(409, api.post("/api/v1/bookings/" + alice.bookingId() + "/cancel", alice.bearer(), null));
    assertThat(localStarts(ApiFixture.monday())).contains(ApiFixture.monday() + "T10:00");
    expectProblem(404, api.get("/api/v1/bookings/no-such-booking", alice.bearer()));
  }

  @Test
  @DisplayName("caldav-login: the account password works in calendar apps until the provider turns it off")
  void calDavPasswordLoginSwitch() {
    JsonObject first = expect(200, api.get("/api/v1/caldav-login", alice.bearer()));
    assertThat(first.getBoolean("accountPasswordAllowed")).isTrue();
    // The address calendar apps need is the hub's public URL (the fixture's), not the address this request used.
    assertThat(first.getString("serverUrl")).isEqualTo(WebOptions.DEFAULT_PUBLIC_URL + "/");
    assertThat(first.getString("login")).isEqualTo("alice");
    JsonObject off = new JsonObject().put("accountPasswordAllowed", false);
    assertThat(expect(200, api.send(HttpMethod.PUT, "/api/v1/caldav-login", alice.session().auth(), off))
        .getBoolean("accountPasswordAllowed")).isFalse();
    assertThat(expect(200, api.get("/api/v1/caldav-login", alice.bearer())).getBoolean("accountPasswordAllowed"))
        .isFalse();
    assertThat(api.accounts.findByLogin("alice@example.com").await().orElseThrow().calDavPasswordLogin()).isFalse();
    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/caldav-login", alice.bearer(),
        new JsonObject().put("accountPasswordAllowed", "no")));
    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/caldav-login", alice.bearer(), new JsonObject()));
    expectProblem(403, api.send(HttpMethod.PUT, "/api/v1/caldav-login", alice.session().withoutCsrf(), off));
  }

  @Test
  @DisplayName("every list is paginated: pages of 'limit' items, opaque cursors, no repeats, a null cursor at the end")
  void listsArePaginated() {
    for (int i = 0; i < 6; i++) {
      expect(201, api.post("/api/v1/resources", alice.bearer(), resource("Room " + i)));
    }
    Set<String> seen = new HashSet<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      String path = "/api/v1/resources?limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonObject page = expect(200, api.get(path, alice.bearer()));
      JsonArray items = page.getJsonArray("items");
      sizes.add(items.size());
      items.forEach(item -> assertThat(seen.add(((JsonObject) item).getString("id"))).isTrue());
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertThat(seen).hasSize(7);
    assertThat(sizes).startsWith(3, 3);

    JsonObject types = expect(200, api.get("/api/v1/booking-types?limit=1", alice.bearer()));
    assertThat(types.getJsonArray("items")).hasSize(1);
    assertThat(types.containsKey("nextCursor")).isTrue();
    expect(200, api.get("/api/v1/bookings?limit=200", alice.bearer()));
    expectProblem(400, api.get("/api/v1/resources?limit=0", alice.bearer()));
    expectProblem(400, api.get("/api/v1/resources?limit=201", alice.bearer()));
    expectProblem(400, api.get("/api/v1/resources?limit=ten", alice.bearer()));
    expectProblem(400, api.get("/api/v1/resources?cursor=%21%21%21", alice.bearer()));
    expectProblem(400, api.get("/api/v1/api-tokens?limit=1000", alice.bearer()));
  }
}
