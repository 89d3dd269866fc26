package dev.dovetail.app;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;

/**
 * Two hubs clustered by Hazelcast on loopback over one in-memory store (the first seeds the demo data), with a web
 * client and a handle on the store for the test's checks.
 */
final class ClusteredHubs implements AutoCloseable {

  final EmbeddedMongo mongo;
  final Hub hubA;
  final Hub hubB;
  final WebClient client;
  final MongoStore store;
  private final Vertx clientVertx;

  private ClusteredHubs(EmbeddedMongo mongo, Hub hubA, Hub hubB, Vertx clientVertx) {
    this.mongo = mongo;
    this.hubA = hubA;
    this.hubB = hubB;
    this.clientVertx = clientVertx;
    this.client = HubExtension.client(clientVertx);
    this.store = MongoStore.connect(clientVertx, mongo.connectionString(), "dovetail", MongoStore.NO_COMMIT).await();
  }

  static ClusteredHubs start(Path dataDir, String clusterPrefix) {
    System.setProperty("hazelcast.logging.type", "slf4j");
    EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    int portA = HubExtension.freePort();
    int portB = HubExtension.freePort();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    Hub hubA = Hub.start(HubFixture.config(mongo.connectionString(), dataDir, true,
        new AppConfig.Cluster(clusterPrefix + portA, "127.0.0.1", portA, members))).await();
    Hub hubB = Hub.start(HubFixture.config(mongo.connectionString(), dataDir, false,
        new AppConfig.Cluster(clusterPrefix + portA, "127.0.0.1", portB, members))).await();
    return new ClusteredHubs(mongo, hubA, hubB, Vertx.vertx());
  }

  /** The HTTP port of hub A for even {@code i}, of hub B for odd: requests alternate between the hubs. */
  int port(int i) {
    return i % 2 == 0 ? hubA.httpPort() : hubB.httpPort();
  }

  @Override
  public void close() {
    store.close().await();
    clientVertx.close().await();
    hubB.stop();
    hubA.stop();
    mongo.close();
  }
}
