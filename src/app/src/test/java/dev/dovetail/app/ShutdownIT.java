package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
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

/** SIGTERM to a hub in its own JVM in the middle of a booking burst: every request is answered, nothing is lost. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ShutdownIT {

  private static final int BURST = 40;

  @TempDir
  Path work;

  private Vertx vertx;
  private WebClient client;

  @BeforeEach
  void client() {
    vertx = Vertx.vertx();
    // A connection per request, as a load balancer opening fresh upstream connections would.
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setKeepAlive(false),
        new PoolOptions().setHttp1MaxSize(BURST));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("SIGTERM during a booking burst: every request gets a full answer (no reset), the hub exits with no "
      + "resource lock held, and every booking it acknowledged is there after a restart")
  void sigtermDuringABurst() throws Exception {
    Path data = work.resolve("data");
    Path log = work.resolve("hub.log");
    int port = HubExtension.freePort();
    Map<String, String> env = Map.of("DOVETAIL_SHUTDOWN_DRAIN_SECONDS", "1", "DOVETAIL_SHUTDOWN_GRACE_SECONDS", "30");
    ChildHub hub = ChildHub.start(data, port, log, env);
    HubProbe.await(vertx, client, port, "/ready", 200, Duration.ofSeconds(90), hub::isAlive).await();
    List<String> starts = HubFixture.freeStarts(client, port, "demo-30", HubFixture.SYSTEM_CLOCK).await();

    List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      // four customers race for each of ten slots
      burst.add(HubFixture.book(client, port, "demo-30", starts.get(i / 4),
          "term" + i + "@example.com"));
    }
    Future.any(burst).await();
    hub.terminate();
    Future.join(burst).eventually(() -> Future.succeededFuture()).await();
    int exit = hub.awaitExit(60);

    List<String> tokens = new ArrayList<>();
    for (Future<HttpResponse<Buffer>> request : burst) {
      assertThat(request.succeeded()).as("answered, not reset: %s\n%s", request.cause(), ChildHub.describe(log))
          .isTrue();
      int status = request.result().statusCode();
      assertThat(status).as(request.result().bodyAsString()).isIn(201, 409);
      if (status == 201) {
        tokens.add(request.result().bodyAsJsonObject().getString("manageToken"));
      }
    }
    assertThat(tokens).isNotEmpty();
    assertThat(exit).as("exit after SIGTERM\n%s", ChildHub.describe(log)).isIn(0, 143);
    assertThat(ChildHub.describe(log)).contains("resource locks still held: 0");

    ChildHub again = ChildHub.start(data, port, log);
    try {
      HubProbe.await(vertx, client, port, "/ready", 200, Duration.ofSeconds(90), again::isAlive).await();
      for (String token : tokens) {
        assertThat(client.get(port, "127.0.0.1", "/api/v1/public/bookings/" + token).send().await().statusCode())
            .as("acknowledged booking %s after the restart", token).isEqualTo(200);
      }
    } finally {
      again.killHard();
    }
  }
}
