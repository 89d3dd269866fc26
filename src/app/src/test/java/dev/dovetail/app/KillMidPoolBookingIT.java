package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.app.ScheduleJanitor;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a hub while ALL bookings over both demo rooms are in flight, then a restart on a clock past the
 * janitor's grace: whatever the kill left half done (blocks on some members, no booking) is freed, and every booking
 * that was stored has its block on every member (ADR 43). The store runs in this JVM, so it outlives the hub.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KillMidPoolBookingIT {

  private static final List<String> ROOMS = List.of("demo-room", "demo-room-2");
  private static final String SECRET_KEY = "dGVzdHMnIG1hbmFnZS1saW5rIGtleSwgMzIgYnl0ZXMgb3IgbW9yZQ==";

  @TempDir
  Path work;

  private Vertx vertx;
  private WebClient client;
  private EmbeddedMongo mongo;
  private MongoStore store;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    client = HubExtension.client(vertx);
    mongo = EmbeddedMongo.inMemory();
    store = MongoStore.connect(vertx, mongo.connectionString(), "dovetail", MongoStore.NO_COMMIT).await();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
    mongo.close();
  }

  @Test
  @DisplayName("kill -9 in the middle of ALL bookings, restart: after the janitor's grace no partial block is left")
  void killedAllBookingsLeaveNoPartialBlockAfterTheGrace() throws Exception {
    int port = HubExtension.freePort();
    Path log = work.resolve("hub.log");
    ChildHub hub = ChildHub.start(work.resolve("data"), port, log, Map.of("DOVETAIL_MONGO_URI",
        mongo.connectionString(), "DOVETAIL_DEMO_DATA", "true", "DOVETAIL_SECRET_KEY", SECRET_KEY));
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    try {
      HubProbe.await(vertx, client, port, "/health", 200, Duration.ofSeconds(90), hub::isAlive).await();
      HttpResponse<Buffer> created = DemoSession.login(client, port).send("POST", "/api/v1/booking-types",
          new JsonObject().put("id", "both-rooms").put("resourceId", "demo-room").put("name", "Both rooms")
              .put("durationsMinutes", new JsonArray().add(60))
              .put("pool", new JsonObject().put("mode", "ALL").put("members", new JsonArray()
                  .add(new JsonObject().put("resourceId", "demo-room"))
                  .add(new JsonObject().put("resourceId", "demo-room-2")))));
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      List<String> starts = HubFixture.freeStarts(client, port, "both-rooms", HubFixture.SYSTEM_CLOCK).await();
      Promise<Void> firstAnswer = Promise.promise();
      for (int i = 0; i < starts.size(); i++) {
        Future<HttpResponse<Buffer>> answer = HubFixture.book(client, port, "both-rooms", starts.get(i),
            "kill" + i + "@example.com");
        answer.onComplete(done -> firstAnswer.tryComplete());
        answers.add(answer);
      }
      firstAnswer.future().await();
    } finally {
      hub.killHard();
    }
    Future.join(answers).otherwiseEmpty().await();
    // The child JVM ran on the system clock, so the check does too: 100 days cover every free start at any instant.
    Instant checkedFrom = Instant.now();
    TimeRange ahead = new TimeRange(checkedFrom, checkedFrom.plus(Duration.ofDays(100)));
    List<String> leftByTheKill = PoolStoreCheck.problems(store, "demo", ROOMS, ahead);

    MovableClock clock = new MovableClock();
    clock.advance(ScheduleJanitor.GRACE.plusMinutes(1));
    Hub restarted = Hub.start(HubFixture.config(mongo.connectionString(), work.resolve("data-2"), false,
        HubFixture.noCluster()), clock).await();
    try {
      awaitNoProblems(ahead);
    } finally {
      restarted.stop();
    }
    System.out.println("KillMidPoolBookingIT: the kill left " + leftByTheKill.size() + " problem(s): " + leftByTheKill);
  }

  /** Reads the store once a second (the janitor sweeps once a minute) until it is whole; the timeout bounds it. */
  private void awaitNoProblems(TimeRange ahead) {
    while (!PoolStoreCheck.problems(store, "demo", ROOMS, ahead).isEmpty()) {
      vertx.timer(1, TimeUnit.SECONDS).await();
    }
  }
}
