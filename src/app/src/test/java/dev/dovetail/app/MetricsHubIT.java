package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} after a scripted booking burst: counters move, the text is valid, and it is kept off the public. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MetricsHubIT {

  private static final String TOKEN = "metrics-token-for-tests-0123456789";
  /** A sample line of the Prometheus text format: name, optional labels, a value. */
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? "
          + "(-?[0-9.eE+-]+|NaN|[+-]Inf)");

  @TempDir
  Path dataDir;

  private EmbeddedMongo mongo;
  private Vertx vertx;
  private WebClient client;
  private final List<Hub> hubs = new ArrayList<>();

  @BeforeEach
  void start() {
    mongo = EmbeddedMongo.inMemory();
    vertx = Vertx.vertx();
    client = HubExtension.client(vertx);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    hubs.forEach(Hub::stop);
    mongo.close();
  }

  @Test
  @DisplayName("after a booking burst /metrics shows bookings created and refused, lock waits and the outbox, in valid "
      + "Prometheus text, labelled by node only; without the token it is refused")
  void burstMovesTheCounters() {
    AppConfig config = HubFixture.config(mongo.connectionString(), dataDir, true, HubFixture.noCluster());
    Hub hub = started(config, new OpsConfig(0, TOKEN, "node-a", Duration.ZERO, Duration.ofSeconds(5), Duration.ZERO));
    int port = hub.httpPort();

    List<String> starts = HubFixture.freeStarts(client, port, "demo-30", HubFixture.SYSTEM_CLOCK).await();
    List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // three customers race for each of four slots (adjacent slots may also exclude each other through buffers)
      burst.add(HubFixture.book(client, port, "demo-30", starts.get(i / 3), "burst" + i + "@example.com"));
    }
    Future.join(burst).await();
    Map<Integer, Long> statuses = new HashMap<>();
    burst.forEach(f -> statuses.merge(f.result().statusCode(), 1L, Long::sum));
    assertThat(statuses.keySet()).containsOnly(201, 409);
    double created = statuses.get(201);
    double refused = statuses.get(409);

    HttpResponse<Buffer> publicScrape = client.get(port, "127.0.0.1", "/metrics").send().await();
    assertThat(publicScrape.statusCode()).isEqualTo(401);
    assertThat(publicScrape.bodyAsString()).doesNotContain("dovetail_");
    HttpResponse<Buffer> wrongToken = client.get(hub.metricsPort(), "127.0.0.1", "/metrics")
        .bearerTokenAuthentication("not-the-token-at-all").send().await();
    assertThat(wrongToken.statusCode()).isEqualTo(401);

    HttpResponse<Buffer> scrape = client.get(hub.metricsPort(), "127.0.0.1", "/metrics")
        .bearerTokenAuthentication(TOKEN).send().await();
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.getHeader("Content-Type")).startsWith("text/plain");
    Map<String, Double> samples = parse(scrape.bodyAsString());

    assertThat(samples).containsEntry("dovetail_bookings_total{node=\"node-a\",outcome=\"created\"}", created)
        .containsEntry("dovetail_bookings_total{node=\"node-a\",outcome=\"refused\"}", refused)
        .containsEntry("dovetail_bookings_total{node=\"node-a\",outcome=\"failed\"}", 0.0);
    // bookings waiting for one resource share a lock and a compare-and-set (ADR 71), so the burst's 12 bookings may
    // take the lock only once or twice
    assertThat(samples.get("dovetail_resource_lock_wait_seconds_count{node=\"node-a\"}")).isGreaterThanOrEqualTo(1);
    double holds = samples.get("dovetail_resource_lock_hold_seconds_count{node=\"node-a\"}");
    assertThat(holds).as("the burst held the lock").isGreaterThanOrEqualTo(1);
    assertThat(samples.get("dovetail_resource_lock_hold_seconds_bucket{node=\"node-a\",le=\"+Inf\"}"))
        .as("the hold histogram's buckets count every hold").isEqualTo(holds);
    assertThat(samples).containsKey("dovetail_schedule_cas_retries_total{node=\"node-a\"}");
    double owed = samples.get("dovetail_outbox_messages{node=\"node-a\",state=\"pending\"}")
        + samples.get("dovetail_outbox_messages{node=\"node-a\",state=\"sent\"}");
    assertThat(owed).as("a confirmation per booking at least").isGreaterThanOrEqualTo(created);
    assertThat(samples).containsKeys("dovetail_outbox_oldest_due_age_seconds{node=\"node-a\"}",
        "dovetail_calendar_connections{node=\"node-a\",service=\"google\",state=\"broken\"}",
        "dovetail_calendar_sync_staleness_seconds{node=\"node-a\",service=\"outlook\"}",
        "dovetail_waitlist_entries{node=\"node-a\",status=\"offered\"}",
        "dovetail_payments_settled{node=\"node-a\"}", "dovetail_payments_refunded{node=\"node-a\"}");
    assertThat(samples.keySet()).as("Vert.x's own HTTP server metrics")
        .anyMatch(key -> key.startsWith("vertx_http_server_requests_total{"));
    assertThat(samples.keySet()).as("JVM metrics").anyMatch(key -> key.startsWith("jvm_memory_used_bytes{"));
    assertThat(samples.keySet()).as("no tenant labels")
        .noneMatch(key -> key.contains("provider=") || key.contains("demo-30") || key.contains("tenant"));

    HttpResponse<Buffer> onPublicWithToken = client.get(port, "127.0.0.1", "/metrics")
        .bearerTokenAuthentication(TOKEN).send().await();
    assertThat(onPublicWithToken.statusCode()).isEqualTo(200);
    assertThat(parse(onPublicWithToken.bodyAsString()))
        .containsEntry("dovetail_bookings_total{node=\"node-a\",outcome=\"created\"}", created);
  }

  @Test
  @DisplayName("bookings refused by the abuse limits (429) are counted as limited, apart from slots taken")
  void limitedBookingsAreCounted() {
    AppConfig base = HubFixture.config(mongo.connectionString(), dataDir, true, HubFixture.noCluster());
    AppConfig strict = base.withHttp(base.http().withPublicRequestsPerMinute(4));
    Hub hub = started(strict, new OpsConfig(0, TOKEN, "node-c", Duration.ZERO, Duration.ofSeconds(5), Duration.ZERO));
    List<String> starts = HubFixture.freeStarts(client, hub.httpPort(), "demo-30", HubFixture.SYSTEM_CLOCK).await();
    long limitedAnswers = 0;
    for (int i = 0; i < 8; i++) {
      int status = HubFixture.book(client, hub.httpPort(), "demo-30", starts.get(i), "limit" + i + "@example.com")
          .await().statusCode();
      limitedAnswers += status == 429 ? 1 : 0;
    }
    assertThat(limitedAnswers).as("4 public requests a minute, the slot list one of them").isGreaterThan(0);

    HttpResponse<Buffer> scrape = client.get(hub.metricsPort(), "127.0.0.1", "/metrics")
        .bearerTokenAuthentication(TOKEN).send().await();
    assertThat(parse(scrape.bodyAsString()))
        .containsEntry("dovetail_bookings_total{node=\"node-c\",outcome=\"limited\"}", (double) limitedAnswers);
  }

  @Test
  @DisplayName("with a metrics port and no token, the public port does not serve /metrics; the metrics port does")
  void withoutATokenOnlyTheMetricsPortServesMetrics() {
    AppConfig config = HubFixture.config(mongo.connectionString(), dataDir, true, HubFixture.noCluster());
    Hub hub = started(config, new OpsConfig(0, null, "node-b", Duration.ZERO, Duration.ofSeconds(5), Duration.ZERO));

    HttpResponse<Buffer> onPublic = client.get(hub.httpPort(), "127.0.0.1", "/metrics").send().await();
    assertThat(onPublic.statusCode()).as("the API's answer to an unknown path").isIn(401, 404);
    assertThat(onPublic.bodyAsString()).doesNotContain("dovetail_");
    HttpResponse<Buffer> onMetricsPort = client.get(hub.metricsPort(), "127.0.0.1", "/metrics").send().await();
    assertThat(onMetricsPort.statusCode()).isEqualTo(200);
    assertThat(parse(onMetricsPort.bodyAsString())).containsKey(
        "dovetail_bookings_total{node=\"node-b\",outcome=\"created\"}");
  }

  @Test
  @DisplayName("with neither a metrics port nor a token, /metrics is served nowhere")
  void withNeitherMetricsAreNotServed() {
    Hub hub = started(HubFixture.config(mongo.connectionString(), dataDir, true, HubFixture.noCluster()), null);
    assertThat(hub.metricsPort()).isEqualTo(-1);
    HttpResponse<Buffer> onPublic = client.get(hub.httpPort(), "127.0.0.1", "/metrics").send().await();
    assertThat(onPublic.statusCode()).as("the API's answer to an unknown path").isIn(401, 404);
    assertThat(onPublic.bodyAsString()).doesNotContain("dovetail_");
  }

  private Hub started(AppConfig config, OpsConfig ops) {
    Hub hub = (ops == null ? Hub.start(config) : Hub.start(config, ops)).await();
    hubs.add(hub);
    return hub;
  }

  /** Every sample of a Prometheus text exposition, failing on any line that is neither a comment nor a sample. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("a Prometheus sample line: %s", line).isTrue();
      samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(
          m.group(3).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
    }
    return samples;
  }
}
