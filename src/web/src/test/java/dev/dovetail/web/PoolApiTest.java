package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.testkit.RecordingMailer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Booking types over pools through the API (ADR 43): the contract, bad input, assignment and ALL bookings. */
@ExtendWith(VertxExtension.class)
class PoolApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
    for (String id : List.of("room-b", "room-c")) {
      expect(201, api.post("/api/v1/resources", alice.bearer(), new JsonObject()
          .put("id", id).put("name", "Room " + id).put("timeZone", "Europe/Berlin")
          .put("availability", ApiFixture.officeHours())));
    }
  }

  private static JsonObject pool(String mode, boolean pick, String... members) {
    JsonArray listed = new JsonArray();
    for (String member : members) {
      listed.add(new JsonObject().put("resourceId", member));
    }
    return new JsonObject().put("mode", mode).put("members", listed).put("customerMayPick", pick);
  }

  private JsonObject createType(String id, JsonObject pool) {
    return expect(201, api.post("/api/v1/booking-types", alice.bearer(), typeBody(id, pool)));
  }

  private JsonObject typeBody(String id, JsonObject pool) {
    return new JsonObject().put("id", id).put("resourceId", pool.getJsonArray("members").getJsonObject(0)
            .getString("resourceId"))
        .put("name", "Pooled " + id).put("durationsMinutes", new JsonArray().add(60)).put("pool", pool);
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> book(String typeId, String start,
      String pick) {
    JsonObject request = ApiFixture.bookingRequest(start, "pool@example.com");
    if (pick != null) {
      request.put("resourceId", pick);
    }
    return api.post("/api/v1/public/booking-types/" + typeId + "/bookings", request);
  }

  @Test
  @DisplayName("a pooled type reads back with its pool; the public offer names its members and whether one may pick")
  void pooledTypeRoundTripsAndTheOfferShowsThePool() {
    createType("any-room", pool("ANY", true, alice.resourceId(), "room-b", "room-c"));
    createType("all-rooms", pool("ALL", false, alice.resourceId(), "room-b"));

    JsonObject type = expect(200, api.get("/api/v1/booking-types/any-room", alice.bearer()));
    assertThat(type.getJsonObject("pool").getString("mode")).isEqualTo("ANY");
    assertThat(type.getJsonObject("pool").getString("assignment")).isEqualTo("ROUND_ROBIN");
    assertThat(type.getJsonObject("pool").getJsonArray("members")).hasSize(3);
    JsonObject offer = expect(200, api.get("/api/v1/public/booking-types/any-room"));
    assertThat(offer.getJsonObject("pool").getJsonArray("members")).extracting(m -> ((JsonObject) m).getString("id"))
        .containsExactly(alice.resourceId(), "room-b", "room-c");
    JsonObject allOffer = expect(200, api.get("/api/v1/public/booking-types/all-rooms"));
    assertThat(allOffer.getJsonObject("pool").getBoolean("customerMayPick")).isFalse();
    assertThat(allOffer.getJsonObject("pool").getJsonArray("members")).hasSize(2);
    assertThat(expect(200, api.get("/api/v1/public/booking-types/" + alice.typeId())).getValue("pool")).isNull();
  }

  @Test
  @DisplayName("bad pools are refused with a 400 and a reason, and nothing is written")
  void badPoolsAreRefused() {
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 21; i++) {
      tooMany.add(new JsonObject().put("resourceId", "room-" + i));
    }
    List<JsonObject> bad = new ArrayList<>();
    bad.add(typeBody("t1", new JsonObject().put("mode", "ANY").put("members", tooMany))
        .put("resourceId", "room-0"));
    bad.add(typeBody("t2", pool("ANY", false, alice.resourceId(), "not-mine")));
    bad.add(typeBody("t3", pool("ANY", false, alice.resourceId(), "room-b")).put("resourceId", "room-b"));
    bad.add(typeBody("t4", pool("ALL", true, alice.resourceId(), "room-b")));
    bad.add(typeBody("t5", pool("ANY", false, alice.resourceId(), alice.resourceId())));
    bad.add(typeBody("t6", pool("ANY", false, alice.resourceId())));
    for (JsonObject body : bad) {
      JsonObject problem = expectProblem(400, api.post("/api/v1/booking-types", alice.bearer(), body));
      assertThat(problem.getString("detail")).as(body.encode()).isNotBlank();
      expectProblem(404, api.get("/api/v1/booking-types/" + body.getString("id"), alice.bearer()));
    }
  }

  @Test
  @DisplayName("an ANY pool assigns a free member per booking, shows it on the booking, and refuses when all are taken")
  void anyPoolAssignsMembersUntilAllAreTaken() {
    createType("any-room", pool("ANY", true, alice.resourceId(), "room-b", "room-c"));
    String start = ApiFixture.mondayAt(14, 0).toString();

    List<String> assigned = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonObject booking = expect(201, book("any-room", start, null)).getJsonObject("booking");
      assigned.add(booking.getString("resourceId"));
      assertThat(booking.getJsonArray("resourceIds")).containsExactly(booking.getString("resourceId"));
    }
    assertThat(assigned).containsExactlyInAnyOrder(alice.resourceId(), "room-b", "room-c");
    JsonObject problem = expectProblem(409, book("any-room", start, null));
    assertThat(problem.getString("detail")).contains("no member of the pool is free");

    String later = ApiFixture.mondayAt(15, 0).toString();
    assertThat(expect(201, book("any-room", later, "room-c")).getJsonObject("booking").getString("resourceId"))
        .isEqualTo("room-c");
    expectProblem(400, book("any-room", later, "elsewhere"));
    expectProblem(400, book(alice.typeId(), later, "room-b"));
  }

  @Test
  @DisplayName("the provider's new-booking mail names the member the booking got")
  void providerMailNamesTheAssignedMember() {
    createType("any-room", pool("ANY", true, alice.resourceId(), "room-b", "room-c"));
    String id = expect(201, book("any-room", ApiFixture.mondayAt(16, 0).toString(), "room-c"))
        .getJsonObject("booking").getString("id");
    RecordingMailer mailer = new RecordingMailer();

    api.dispatcher(mailer).dispatchDue().await();

    assertThat(mailer.sent()).filteredOn(m -> m.text().contains(id) && m.to().equals("alice@example.com"))
        .singleElement().satisfies(m -> assertThat(m.text()).contains("Where:      Room room-c"));
  }

  @Test
  @DisplayName("an ALL booking blocks every member, so the slot is gone from a pool over any of them")
  void allBookingBlocksEveryMember() {
    createType("all-rooms", pool("ALL", false, "room-b", "room-c"));
    createType("any-room", pool("ANY", false, "room-b", "room-c"));
    String start = ApiFixture.mondayAt(9, 0).toString();

    JsonObject booking = expect(201, book("all-rooms", start, null)).getJsonObject("booking");

    assertThat(booking.getJsonArray("resourceIds")).containsExactly("room-b", "room-c");
    expectProblem(409, book("any-room", start, null));
    expectProblem(409, book("all-rooms", start, null));
  }
}
