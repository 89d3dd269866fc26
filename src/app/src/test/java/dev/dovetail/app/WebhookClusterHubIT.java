package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hubs clustered by Hazelcast over one store, on one frozen clock the test moves forward, and a real receiver
 * that answers 503 to the first three requests of every event id and 204 to the fourth. A burst of bookings made and
 * cancelled through both hubs: every event arrives once, with its id on every attempt; each booking's cancellation
 * is not even tried before its creation was accepted; and one hub is stopped and replaced in the middle of the
 * retries without losing anything. The receiver accepts nothing while the hub stops, so the at-least-once window
 * (a 2xx not yet recorded when a node dies, ADR 41) is empty here: duplicates are counted and must be zero.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@DisplayName("Two clustered hubs, a restart during retries: each event delivered once, in order per booking")
class WebhookClusterHubIT {

  static final int BOOKINGS = 16;
  static final int FAILURES = 3;

  /** One request at the receiver, in arrival order. */
  record Request(int seq, String id, String type, String bookingId, int status) {}

  @TempDir
  Path dataDir;

  final MovableClock clock = MovableClock.frozen();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> triesById = new ConcurrentHashMap<>();
  final AtomicInteger seq = new AtomicInteger();
  EmbeddedMongo mongo;
  Hub hubA;
  Hub hubB;
  Vertx side;
  WebClient client;
  HttpServer receiver;
  List<String> members;
  String clusterName;

  @BeforeAll
  void start() {
    System.setProperty("hazelcast.logging.type", "slf4j");
    mongo = EmbeddedMongo.inMemory();
    int portA = HubExtension.freePort();
    int portB = HubExtension.freePort();
    int portC = HubExtension.freePort();
    members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB, "127.0.0.1:" + portC);
    clusterName = "webhooks-" + portA;
    hubA = startHub(portA, true);
    hubB = startHub(portB, false);
    side = Vertx.vertx();
    client = HubExtension.client(side);
    receiver = side.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      JsonObject event = new JsonObject(body);
      String id = req.getHeader("webhook-id");
      int tries = triesById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      int status = tries <= FAILURES ? 503 : 204;
      requests.add(new Request(seq.incrementAndGet(), id, event.getString("type"),
          event.getJsonObject("data").getString("id"), status));
      req.response().setStatusCode(status).end();
    })).listen(0, "127.0.0.1").await();
  }

  Hub startHub(int clusterPort, boolean demoData) {
    return Hub.start(HubFixture.allowPrivateWebhooks(HubFixture.config(mongo.connectionString(), dataDir, demoData,
        new AppConfig.Cluster(clusterName, "127.0.0.1", clusterPort, members))), clock).await();
  }

  @AfterAll
  void stop() {
    side.close().await();
    hubB.stop();
    hubA.stop();
    mongo.close();
  }

  @Test
  @DisplayName("a burst over two hubs, three failures per event, one hub replaced mid-retry: all once, in order")
  void clusteredRestartedBurst() {
    DemoSession demo = DemoSession.login(client, hubA.httpPort());
    HttpResponse<Buffer> created = demo.send("POST", "/api/v1/webhook-endpoints", new JsonObject()
        .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/cluster")
        .put("events", new JsonArray().add("booking.created").add("booking.cancelled")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);

    // Every other slot: neighbouring 30-minute slots overlap through their buffers.
    List<String> starts = HubFixture.freeStarts(client, hubA.httpPort(), "demo-30", clock).await();
    List<Future<HttpResponse<Buffer>>> booked = new ArrayList<>();
    for (int i = 0; i < BOOKINGS; i++) {
      booked.add(HubFixture.book(client, port(i), "demo-30", starts.get(2 * i), "burst" + i + "@example.com"));
    }
    List<Future<HttpResponse<Buffer>>> cancelled = new ArrayList<>();
    for (int i = 0; i < BOOKINGS; i++) {
      HttpResponse<Buffer> answer = booked.get(i).await();
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
      String token = answer.bodyAsJsonObject().getString("manageToken");
      cancelled.add(client.post(port(i + 1), "127.0.0.1", "/api/v1/public/bookings/" + token + "/cancel").send());
    }
    cancelled.forEach(f -> assertThat(f.await().statusCode()).isEqualTo(200));

    // Every creation tried twice and refused: then hub A goes away mid-retry and a new node takes its place.
    advanceUntil(() -> distinctIdsTried("booking.created", 2) == BOOKINGS, "two attempts of every creation");
    hubA.stop();
    hubA = startHub(Integer.parseInt(members.get(2).substring(members.get(2).indexOf(':') + 1)), false);

    advanceUntil(() -> succeeded().size() == 2 * BOOKINGS, "every event accepted");
    Map<String, Long> accepted = new java.util.HashMap<>();
    requests.stream().filter(r -> r.status() == 204).forEach(r -> accepted.merge(r.id(), 1L, Long::sum));
    long duplicates = accepted.values().stream().mapToLong(n -> n - 1).sum();
    assertThat(duplicates).as("events accepted more than once").isZero();
    assertThat(triesById.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(FAILURES + 1));
    for (Request done : succeeded()) {
      if (done.type().equals("booking.created")) {
        assertThat(requests.stream().filter(r -> r.bookingId().equals(done.bookingId())
                && r.type().equals("booking.cancelled")).mapToInt(Request::seq).min().orElseThrow())
            .as("the cancellation of " + done.bookingId() + " is first tried after its creation was accepted")
            .isGreaterThan(done.seq());
      }
    }
  }

  int port(int i) {
    return i % 2 == 0 ? hubA.httpPort() : hubB.httpPort();
  }

  List<Request> succeeded() {
    return requests.stream().filter(r -> r.status() == 204).toList();
  }

  long distinctIdsTried(String type, int times) {
    return triesById.entrySet().stream().filter(e -> e.getValue().get() >= times)
        .filter(e -> requests.stream().anyMatch(r -> r.id().equals(e.getKey()) && r.type().equals(type))).count();
  }

  /**
   * Polls every 200 ms for up to 90 s; whenever a dispatcher period (2 s) passed without a new request, moves the hub
   * clock a minute on, so retries fall due (the back-off is seconds to minutes at these attempt counts).
   */
  void advanceUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    int seen = requests.size();
    long quietSince = System.nanoTime();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("not within 90 s: " + what + "; " + requests.size()
          + " requests").isTrue();
      side.timer(200).await();
      if (requests.size() != seen) {
        seen = requests.size();
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > Duration.ofMillis(2_500).toNanos()) {
        clock.advance(Duration.ofMinutes(1));
        quietSince = System.nanoTime();
      }
    }
  }
}
