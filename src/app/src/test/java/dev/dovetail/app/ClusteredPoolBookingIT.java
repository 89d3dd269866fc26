package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pools (ADR 43) through HTTP on two hubs clustered by Hazelcast over one store: customers racing for the demo's
 * two-room ANY pool, ALL bookings over the same rooms listed in opposite orders, and CalDAV writes on a member in
 * between. Each slot raced is a different one of the demo's free hours, so the tests do not depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusteredPoolBookingIT {

  private static final List<String> ROOMS = List.of("demo-room", "demo-room-2");
  private static final DateTimeFormatter ICS_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @TempDir
  Path dataDir;

  private ClusteredHubs hubs;
  private WebClient client;
  private MongoStore store;
  private List<String> freeHours;

  @BeforeAll
  void startTwoClusteredHubs() {
    hubs = ClusteredHubs.start(dataDir, "pools-");
    client = hubs.client;
    store = hubs.store;
    DemoSession demo = DemoSession.login(client, hubs.hubA.httpPort());
    createAllType(demo, "both-rooms", "demo-room", "demo-room-2");
    createAllType(demo, "both-rooms-reversed", "demo-room-2", "demo-room");
    freeHours = HubFixture.freeStarts(client, hubs.hubA.httpPort(), DemoData.ANY_ROOM, HubFixture.SYSTEM_CLOCK).await();
  }

  @AfterAll
  void stopHubs() {
    hubs.close();
  }

  private static void createAllType(DemoSession demo, String id, String first, String second) {
    HttpResponse<Buffer> created = demo.send("POST", "/api/v1/booking-types", new JsonObject()
        .put("id", id).put("resourceId", first).put("name", "Both rooms " + id)
        .put("durationsMinutes", new JsonArray().add(60))
        .put("pool", new JsonObject().put("mode", "ALL").put("members", new JsonArray()
            .add(new JsonObject().put("resourceId", first)).add(new JsonObject().put("resourceId", second)))));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
  }

  /** A free hour of the demo, picked by index so that every test races its own. */
  private Instant hour(int index) {
    return Instant.parse(freeHours.get(index * 3));
  }

  @Test
  @DisplayName("N+1 customers racing for one slot of an N-member ANY pool across two hubs: exactly N × 201")
  void nPlusOneRacersForAnAnyPoolGetExactlyNBookings() {
    Instant start = hour(0);
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < ROOMS.size() + 1; i++) {
      answers.add(HubFixture.book(client, hubs.port(i), DemoData.ANY_ROOM, start.toString(), "n" + i + "@example.com"));
    }
    List<Integer> statuses = statuses(answers);

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(ROOMS.size());
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(1);
    assertThat(answers.stream().map(Future::result).filter(r -> r.statusCode() == 201)
        .map(r -> r.bodyAsJsonObject().getJsonObject("booking").getString("resourceId")))
        .containsExactlyInAnyOrderElementsOf(ROOMS);
    assertConsistent(start);
  }

  @Test
  @DisplayName("100 customers racing for one slot of the two-room ANY pool across two hubs: exactly 2 × 201")
  void manyRacersForAnAnyPoolGetExactlyOneBookingPerMember() {
    Instant start = hour(1);
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      answers.add(HubFixture.book(client, hubs.port(i), DemoData.ANY_ROOM, start.toString(), "m" + i + "@example.com"));
    }
    List<Integer> statuses = statuses(answers);

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(ROOMS.size());
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(100 - ROOMS.size());
    assertConsistent(start);
  }

  @Test
  @DisplayName("ALL bookings listing the rooms in opposite orders, raced across two hubs: one wins, no partial block")
  void oppositeOrderAllBookingsNeitherDeadlockNorLeavePartialBlocks() {
    Instant start = hour(2);
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String type = i % 4 < 2 ? "both-rooms" : "both-rooms-reversed";
      answers.add(HubFixture.book(client, hubs.port(i), type, start.toString(), "all" + i + "@example.com"));
    }
    List<Integer> statuses = statuses(answers);

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(59);
    assertConsistent(start);
    for (String room : ROOMS) {
      assertThat(bookingBlocks(room, start)).hasSize(1);
    }
  }

  @Test
  @DisplayName("ALL and ANY bookings raced with CalDAV writes on a member: no overlap on any member, no partial block")
  void bookingsRacedWithCalDavWritesNeverOverlap() {
    Instant start = hour(3);
    List<Future<HttpResponse<Buffer>>> bookings = new ArrayList<>();
    List<Future<HttpResponse<Buffer>>> writes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String type = switch (i % 4) {
        case 0 -> "both-rooms";
        case 1 -> "both-rooms-reversed";
        default -> DemoData.ANY_ROOM;
      };
      bookings.add(HubFixture.book(client, hubs.port(i), type, start.toString(), "mix" + i + "@example.com"));
      if (i % 4 == 0) {
        Instant from = start.plus(Duration.ofMinutes(i % 3 * 15));
        writes.add(davPut(hubs.port(i + 1), "demo-room-2", "race-" + i, from, from.plus(Duration.ofMinutes(30))));
      }
    }
    List<Integer> booked = statuses(bookings);
    List<Integer> written = statuses(writes);

    assertThat(booked).allMatch(s -> s == 201 || s == 409);
    assertThat(written).allMatch(s -> s == 201 || s == 403);
    assertConsistent(start);
    long won = booked.stream().filter(s -> s == 201).count();
    assertThat(won).as("at most one booking per room").isBetween(1L, (long) ROOMS.size());
    if (written.contains(201)) {
      assertThat(bookingBlocks("demo-room-2", start)).as("the CalDAV event holds demo-room-2").isEmpty();
    }
  }

  @Test
  @DisplayName("an ALL booking rescheduled through the manage link moves on every room; onto a taken room it is 409 "
      + "with alternatives and nothing moves")
  void allBookingMovesThroughTheManageLinkOrIsRefusedWhole() {
    Instant from = hour(4);
    Instant to = hour(5);
    Instant taken = hour(6);
    HttpResponse<Buffer> booked = HubFixture.book(client, hubs.port(0), "both-rooms", from.toString(),
        "mover@example.com").await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String token = booked.bodyAsJsonObject().getString("manageToken");
    String id = booked.bodyAsJsonObject().getJsonObject("booking").getString("id");

    HttpResponse<Buffer> moved = reschedule(hubs.port(1), token, to).await();

    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    assertThat(Instant.parse(moved.bodyAsJsonObject().getJsonObject("booking").getString("start"))).isEqualTo(to);
    for (String room : ROOMS) {
      assertThat(bookingBlocks(room, from)).as(room).isEmpty();
      assertThat(bookingBlocks(room, to)).as(room).singleElement()
          .satisfies(b -> assertThat(b.ownerId()).isEqualTo(id));
    }
    assertThat(HubFixture.book(client, hubs.port(0), DemoData.ANY_ROOM, taken.toString(), "blocker@example.com")
        .await().statusCode()).isEqualTo(201);

    HttpResponse<Buffer> refused = reschedule(hubs.port(0), token, taken).await();

    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
    assertThat(HubFixture.alternatives(refused)).isNotEmpty();
    for (String room : ROOMS) {
      assertThat(bookingBlocks(room, to)).as(room).singleElement()
          .satisfies(b -> assertThat(b.ownerId()).isEqualTo(id));
      assertThat(bookingBlocks(room, taken)).as(room).noneMatch(b -> b.ownerId().equals(id));
    }
    for (Instant hour : List.of(from, to, taken)) {
      assertConsistent(hour);
    }
  }

  @Test
  @DisplayName("ALL bookings listing the rooms in opposite orders, moved onto the same hour across two hubs at once: "
      + "one moves, the other is 409, no partial block")
  void oppositeOrderAllMovesNeitherDeadlockNorLeavePartialBlocks() {
    Instant target = hour(7);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String type = i % 2 == 0 ? "both-rooms" : "both-rooms-reversed";
      HttpResponse<Buffer> booked = HubFixture.book(client, hubs.port(i), type, hour(8 + i).toString(),
          "mover" + i + "@example.com").await();
      assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
      tokens.add(booked.bodyAsJsonObject().getString("manageToken"));
    }
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      answers.add(reschedule(hubs.port(i), tokens.get(i), target));
    }
    List<Integer> statuses = statuses(answers);

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(tokens.size() - 1);
    for (String room : ROOMS) {
      assertThat(bookingBlocks(room, target)).as(room).hasSize(1);
    }
    assertConsistent(target);
    for (int i = 0; i < tokens.size(); i++) {
      assertConsistent(hour(8 + i));
    }
  }

  private Future<HttpResponse<Buffer>> reschedule(int port, String manageToken, Instant start) {
    return client.post(port, "127.0.0.1", "/api/v1/public/bookings/" + manageToken + "/reschedule")
        .sendJsonObject(new JsonObject().put("start", start.toString()));
  }

  private Future<HttpResponse<Buffer>> davPut(int port, String room, String uid, Instant from, Instant to) {
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
        + "@test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + ICS_UTC.format(from) + "\r\nDTEND:" + ICS_UTC.format(to)
        + "\r\nSUMMARY:Race\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString(("demo:" + HubExtension.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return client.request(HttpMethod.PUT, port, "127.0.0.1", "/dav/calendars/demo/" + room + "/" + uid + ".ics")
        .putHeader("Authorization", basic).putHeader("Content-Type", "text/calendar")
        .sendBuffer(Buffer.buffer(ics));
  }

  private static List<Integer> statuses(List<Future<HttpResponse<Buffer>>> answers) {
    Future.join(answers).otherwiseEmpty().await();
    return answers.stream().map(f -> f.result().statusCode()).toList();
  }

  /** BOOKING blocks stored on {@code room} over the hour from {@code start}. */
  private List<Block> bookingBlocks(String room, Instant start) {
    TimeRange hour = TimeRange.of(start, Duration.ofHours(1));
    return store.schedules().load(room).await().blocks().stream()
        .filter(b -> b.kind() == Block.Kind.BOOKING && b.span().overlaps(hour))
        .toList();
  }

  private void assertConsistent(Instant start) {
    assertThat(PoolStoreCheck.problems(store, "demo", ROOMS, TimeRange.of(start, Duration.ofHours(1)))).isEmpty();
  }
}
