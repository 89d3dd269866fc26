package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A hub on the embedded on-disk store, killed with SIGKILL right after answering 201, still has the booking. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KillDurabilityIT {

  @TempDir
  Path work;

  private Vertx vertx;
  private WebClient client;

  @BeforeEach
  void client() {
    vertx = Vertx.vertx();
    client = HubExtension.client(vertx);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("a booking answered with 201 survives kill -9 of the hub right after the answer")
  void acknowledgedBookingSurvivesKillNine() throws Exception {
    Path data = work.resolve("data");
    Path log = work.resolve("hub.log");
    int port = HubExtension.freePort();

    ChildHub first = ChildHub.start(data, port, log);
    awaitHealthy(first, log);
    List<String> starts = HubFixture.freeStarts(client, port, "demo-30", HubFixture.SYSTEM_CLOCK).await();
    HttpResponse<Buffer> created = HubFixture.book(client, port, "demo-30", starts.get(0), "kill@example.com").await();
    first.killHard();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String token = created.bodyAsJsonObject().getString("manageToken");

    ChildHub second = ChildHub.start(data, port, log);
    try {
      awaitHealthy(second, log);
      HttpResponse<Buffer> found = client.get(port, "127.0.0.1", "/api/v1/public/bookings/" + token).send().await();
      assertThat(found.statusCode()).as(ChildHub.describe(log)).isEqualTo(200);
      JsonObject booking = found.bodyAsJsonObject().getJsonObject("booking", found.bodyAsJsonObject());
      assertThat(booking.getString("start")).isEqualTo(starts.get(0));
      assertThat(HubFixture.freeStarts(client, port, "demo-30", HubFixture.SYSTEM_CLOCK).await())
          .doesNotContain(starts.get(0));
    } finally {
      second.killHard();
    }
  }

  private void awaitHealthy(ChildHub hub, Path log) {
    Promise<Void> healthy = Promise.promise();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    poll(hub, healthy, deadline);
    healthy.future().await();
    assertThat(hub.isAlive()).as(ChildHub.describe(log)).isTrue();
  }

  private void poll(ChildHub hub, Promise<Void> healthy, long deadline) {
    client.get(hub.port, "127.0.0.1", "/health").send()
        .flatMap(r -> r.statusCode() == 200 ? Future.succeededFuture() : Future.failedFuture("status " + r.statusCode()))
        .onSuccess(v -> healthy.tryComplete())
        .onFailure(err -> {
          if (!hub.isAlive() || System.nanoTime() > deadline) {
            healthy.tryFail("hub did not become healthy: " + err.getMessage());
          } else {
            vertx.setTimer(200, id -> poll(hub, healthy, deadline));
          }
        });
  }
}
