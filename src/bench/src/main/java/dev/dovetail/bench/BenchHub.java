package dev.dovetail.bench.caldav;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.app.AppConfig;
import dev.dovetail.app.Hub;
import dev.dovetail.infra.mongo.MongoStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A hub in this JVM on the embedded on-disk store (durable commits on), with a store client for seeding. */
record BenchHub(Hub hub, Vertx vertx, MongoStore store) implements AutoCloseable {

  static BenchHub start() throws IOException {
    return start(Files.createTempDirectory("dovetail-caldav-load"), freePort());
  }

  /** A hub on the store in {@code dataDir} (kept when it stops, so the next start is a restart). */
  static BenchHub start(Path dataDir, int mongoPort) throws IOException {
    System.setProperty("hazelcast.logging.type", "slf4j");
    AppConfig config = AppConfig.defaults()
        .withHttp(new AppConfig.Http("127.0.0.1", freePort(), "http://127.0.0.1", Integer.MAX_VALUE, 1 << 20))
        .withStore(new AppConfig.Store(dataDir, null, "dovetail", mongoPort))
        .withDemo(new AppConfig.Demo(false, null))
        .withSecurity(new AppConfig.Security(false, 4, null, List.of(), SignUpMode.OPEN, false));
    Hub hub = Hub.start(config).await();
    Vertx vertx = Vertx.vertx();
    MongoStore store = MongoStore.connect(vertx, "mongodb://127.0.0.1:" + mongoPort, "dovetail", MongoStore.NO_COMMIT).await();
    return new BenchHub(hub, vertx, store);
  }

  /** The seeded provider's calendar home, with {@code concurrency} connections. */
  CalDavLoadDriver.Target target(String appPassword, int concurrency) {
    return new CalDavLoadDriver.Target(CalDavLoadDriver.client(vertx, "127.0.0.1", hub.httpPort(), concurrency),
        CalDavLoadDriver.basic("bench", appPassword), "/dav/calendars/bench/");
  }

  @Override
  public void close() {
    store.close().await();
    vertx.close().await();
    hub.stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
