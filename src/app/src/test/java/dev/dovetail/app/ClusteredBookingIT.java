package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.infra.mongo.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Two hubs clustered by Hazelcast on loopback over one store, raced by 200 concurrent customers through HTTP. Exactly
 * one wins; everyone else gets a 409 with alternatives; exactly one blocking booking is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusteredBookingIT {

  private static final int REQUESTS = 200;

  @TempDir
  Path dataDir;

  private ClusteredHubs hubs;
  private WebClient client;
  private MongoStore store;

  @BeforeAll
  void startTwoClusteredHubs() {
    hubs = ClusteredHubs.start(dataDir, "it-");
    client = hubs.client;
    store = hubs.store;
  }

  @AfterAll
  void stopHubs() {
    hubs.close();
  }

  @Test
  @DisplayName("200 customers racing for one slot over two clustered hubs: exactly one 201, all others 409")
  void exactlyOneOfManyConcurrentBookingsForOneSlotWins() {
    String start = HubFixture.freeStarts(client, hubs.hubA.httpPort(), "demo-60", HubFixture.SYSTEM_CLOCK).await()
        .get(0);
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      int port = hubs.port(i);
      answers.add(HubFixture.book(client, port, "demo-60", start, "same" + i + "@example.com"));
    }
    assertExactlyOneWinner(answers, Instant.parse(start), Duration.ofMinutes(60));
  }

  @Test
  @DisplayName("30- and 60-minute bookings that partially overlap, raced over two hubs: exactly one wins")
  void exactlyOneOfPartiallyOverlappingMixedTypesWins() {
    // A 60-minute slot [h, h+60) overlaps the 30-minute slots at h and h+30 (each widened by its 10-minute buffer).
    List<String> sixty =
        HubFixture.freeStarts(client, hubs.hubA.httpPort(), "demo-60", HubFixture.SYSTEM_CLOCK).await();
    String hourStart = sixty.get(sixty.size() - 1);
    String halfPast = Instant.parse(hourStart).plus(Duration.ofMinutes(30)).toString();
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      int port = hubs.port(i);
      String type = i % 3 == 0 ? "demo-60" : "demo-30";
      String start = type.equals("demo-60") ? hourStart : (i % 3 == 1 ? hourStart : halfPast);
      answers.add(HubFixture.book(client, port, type, start, "mixed" + i + "@example.com"));
    }
    assertExactlyOneWinner(answers, Instant.parse(hourStart), Duration.ofMinutes(60));
  }

  private void assertExactlyOneWinner(List<Future<HttpResponse<Buffer>>> answers, Instant from, Duration span) {
    Future.join(answers).otherwiseEmpty().await();
    List<Integer> statuses = answers.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(REQUESTS - 1);
    answers.stream().map(Future::result).filter(r -> r.statusCode() == 409)
        .forEach(r -> assertThat(HubFixture.alternatives(r)).as("409 offers alternatives").isNotEmpty());

    Instant to = from.plus(span);
    Schedule schedule = store.schedules().load("demo-room").await();
    List<Block> blocking = schedule.blocks().stream()
        .filter(b -> b.booked().start().isBefore(to) && b.booked().end().isAfter(from))
        .toList();
    assertThat(blocking).as("blocks stored over the raced hour").hasSize(1);
    List<Booking> booked = store.bookings().listByProvider("demo", "demo-room", null, PageRequest.first(200)).await()
        .items().stream()
        .filter(b -> b.status().isActive() && b.time().start().isBefore(to) && b.time().end().isAfter(from))
        .toList();
    assertThat(booked).as("active bookings stored over the raced hour").hasSize(1);
  }
}
