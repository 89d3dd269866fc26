package dev.dovetail.app;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;

/** One demo hub on an in-memory embedded store, with an HTTP client for it; close stops all of it. */
final class RunningHub implements AutoCloseable {

  final EmbeddedMongo mongo;
  final Hub hub;
  final Vertx clientVertx;
  final WebClient client;

  private RunningHub(EmbeddedMongo mongo, Hub hub, Vertx clientVertx) {
    this.mongo = mongo;
    this.hub = hub;
    this.clientVertx = clientVertx;
    this.client = HubFixture.client(clientVertx);
  }

  static RunningHub start(Path dataDir) {
    EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    Hub hub = Hub.start(HubFixture.config(mongo.connectionString(), dataDir, true, HubFixture.noCluster())).await();
    return new RunningHub(mongo, hub, Vertx.vertx());
  }

  @Override
  public void close() {
    clientVertx.close().await();
    hub.stop();
    mongo.close();
  }
}
