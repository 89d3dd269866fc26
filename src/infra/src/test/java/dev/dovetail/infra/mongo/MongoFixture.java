package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.Ids;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** One embedded in-memory server per test class; each test connects to a database of its own. */
final class MongoFixture {

  private static EmbeddedMongo shared;

  private MongoFixture() {}

  static synchronized EmbeddedMongo server() {
    if (shared == null) {
      shared = EmbeddedMongo.inMemory();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  static String freshDatabase() {
    return "t" + Ids.random().substring(0, 16);
  }

  static Future<MongoStore> connect(Vertx vertx, String database) {
    return MongoStore.connect(vertx, server().connectionString(), database, MongoStore.NO_COMMIT);
  }

  /** As above, with the clock that stamps the janitor's marks (ADR 82). */
  static Future<MongoStore> connect(Vertx vertx, String database, Clock clock) {
    return MongoStore.connect(vertx, server().connectionString(), database, MongoStore.NO_COMMIT, clock);
  }
}
