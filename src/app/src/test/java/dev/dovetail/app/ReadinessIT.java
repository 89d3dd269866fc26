package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A hub in its own JVM on a store that goes away and comes back: {@code /ready} follows it, {@code /health} not. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReadinessIT {

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
  @DisplayName("/ready turns 503 while the hub's store is stopped and 200 again once it is back; /health stays 200")
  void readinessFollowsTheStore() throws Exception {
    int mongoPort = HubExtension.freePort();
    int port = HubExtension.freePort();
    Path log = work.resolve("hub.log");
    EmbeddedMongo store = EmbeddedMongo.onDisk(work.resolve("store"), mongoPort);
    ChildHub hub = ChildHub.start(work.resolve("data"), port, log,
        Map.of("DOVETAIL_MONGO_URI", store.connectionString(), "DOVETAIL_DEMO_DATA", "true",
            "DOVETAIL_SECRET_KEY", "dGVzdHMnIG1hbmFnZS1saW5rIGtleSwgMzIgYnl0ZXMgb3IgbW9yZQ=="));
    try {
      awaitReady(hub, port, log);

      store.close();
      HubProbe.await(vertx, client, port, "/ready", 503, Duration.ofSeconds(30), hub::isAlive).await();
      HttpResponse<Buffer> down = client.get(port, "127.0.0.1", "/ready").send().await();
      assertThat(down.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
      assertThat(client.get(port, "127.0.0.1", "/health").send().await().statusCode())
          .as("alive while the store is away").isEqualTo(200);

      store = EmbeddedMongo.onDisk(work.resolve("store"), mongoPort);
      awaitReady(hub, port, log);
      assertThat(HubFixture.freeStarts(client, port, "demo-30", HubFixture.SYSTEM_CLOCK).await())
          .as(ChildHub.describe(log)).isNotEmpty();
    } finally {
      hub.killHard();
      store.close();
    }
  }

  private void awaitReady(ChildHub hub, int port, Path log) {
    try {
      HubProbe.await(vertx, client, port, "/ready", 200, Duration.ofSeconds(90), hub::isAlive).await();
    } catch (RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n" + ChildHub.describe(log), e);
    }
  }
}
