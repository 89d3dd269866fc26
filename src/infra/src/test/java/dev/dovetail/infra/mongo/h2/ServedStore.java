package dev.dovetail.infra.mongo.h2;

import static dev.dovetail.booking.port.out.Outcomes.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * An on-disk embedded store served to the hub's repositories ({@link MongoStore}, which declares every index) and to a
 * raw client for seeding, with a count of the index keys its secondary indexes have read: what a test of "this read
 * is served by an index, not a scan" measures.
 */
record ServedStore(MongoStore store, MongoClient raw, KeyOrderedH2Backend backend) {

  static final String DB = "dovetail";

  interface Use {
    void accept(ServedStore served);
  }

  static void with(Vertx vertx, Path dir, Use use) {
    KeyOrderedH2Backend backend = new KeyOrderedH2Backend(IndexKeyMigration.open(dir.resolve(EmbeddedMongo.FILE_NAME)));
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    String uri = "mongodb://127.0.0.1:" + address.getPort();
    try {
      MongoStore store = await(MongoStore.connect(vertx, uri, DB, MongoStore.NO_COMMIT));
      MongoClient raw = MongoClient.create(vertx, new JsonObject().put("connection_string", uri).put("db_name", DB));
      use.accept(new ServedStore(store, raw, backend));
      await(raw.close());
      await(store.close());
    } finally {
      server.shutdownNow();
      backend.close();
    }
  }

  /** The index keys the collection's secondary indexes have read since the store opened. */
  long keysRead(String collection) {
    List<? extends Index<?>> indexes = backend.resolveDatabase(DB).resolveCollection(collection, true).getIndexes();
    return indexes.stream().filter(SecondaryIndex.class::isInstance).map(SecondaryIndex.class::cast)
        .mapToLong(SecondaryIndex::keysRead).sum();
  }
}
