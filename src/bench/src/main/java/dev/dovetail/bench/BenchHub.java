package dev.dovetail.bench;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.app.AppConfig;
import dev.dovetail.app.Hub;
import dev.dovetail.app.OpsConfig;
import dev.dovetail.infra.mongo.MongoStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hub in this JVM on the embedded on-disk store (durable commits on), open sign-up, no demo data, with a store client
 * for seeding (and the store's URI, for a raw client) and HTTP clients to the hub: what every load driver measures
 * against.
 */
public record BenchHub(Hub hub, Vertx vertx, MongoStore store, String storeUri, Path scratch)
    implements AutoCloseable {

  /** A hub on a new temporary store, its metrics served nowhere. */
  public static BenchHub start() throws IOException {
    Path scratch = Files.createTempDirectory("dovetail-bench");
    return start(scratch, freePort(), null, scratch);
  }

  /** A hub on the store in {@code dataDir} (kept when it stops, so the next start is a restart). */
  public static BenchHub start(Path dataDir, int mongoPort) throws IOException {
    return start(dataDir, mongoPort, null, null);
  }

  /** A hub on a new temporary store that serves its metrics (Prometheus text) on {@code metricsPort}. */
  public static BenchHub startWithMetrics(int metricsPort) throws IOException {
    Path scratch = Files.createTempDirectory("dovetail-bench");
    return start(scratch, freePort(), new OpsConfig(metricsPort, null, "bench",
        OpsConfig.DEFAULT_FIGURES_EVERY, OpsConfig.DEFAULT_SHUTDOWN_GRACE, Duration.ZERO), scratch);
  }

  /** {@code scratch}: the temporary store directory to delete on close, or null to keep {@code dataDir}. */
  private static BenchHub start(Path dataDir, int mongoPort, OpsConfig ops, Path scratch) throws IOException {
    System.setProperty("hazelcast.logging.type", "slf4j");
    AppConfig config = AppConfig.defaults()
        .withHttp(new AppConfig.Http("127.0.0.1", freePort(), "http://127.0.0.1", Integer.MAX_VALUE, 1 << 20))
        .withStore(new AppConfig.Store(dataDir, null, "dovetail", mongoPort))
        .withDemo(new AppConfig.Demo(false, null))
        .withSecurity(new AppConfig.Security(false, 4, null, List.of(), SignUpMode.OPEN, false));
    Hub hub = (ops == null ? Hub.start(config) : Hub.start(config, ops)).await();
    Vertx vertx = Vertx.vertx();
    String storeUri = "mongodb://127.0.0.1:" + mongoPort;
    MongoStore store = MongoStore.connect(vertx, storeUri, "dovetail", MongoStore.NO_COMMIT).await();
    return new BenchHub(hub, vertx, store, storeUri, scratch);
  }

  /** An HTTP client to the hub with up to {@code connections} connections. */
  public WebClient client(int connections) {
    return client(vertx, "127.0.0.1", hub.httpPort(), connections);
  }

  /** An HTTP client to {@code host:port} with up to {@code connections} connections. */
  public static WebClient client(Vertx vertx, String host, int port, int connections) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost(host).setDefaultPort(port),
        new PoolOptions().setHttp1MaxSize(connections));
  }

  @Override
  public void close() {
    store.close().await();
    vertx.close().await();
    hub.stop();
    if (scratch != null) { // a run's store grows to gigabytes: a temporary one goes with its run
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        System.err.println("could not delete " + scratch + ": " + e);
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
