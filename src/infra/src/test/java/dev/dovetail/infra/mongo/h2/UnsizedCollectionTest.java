package dev.dovetail.infra.mongo.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The embedded store on disk keeps no running total of its documents' size (ADR 80's profile); {@code collStats}
 * still reports the size the library's own backend reports for the same writes.
 */
@DisplayName("collStats' size without a running total")
class UnsizedCollectionTest {

  @Test
  @DisplayName("after inserts, a growing and a shrinking update, an upsert and a delete, the size is the library's")
  void sizeIsTheLibrarys() {
    MVStore store = new MVStore.Builder().open();
    store.setStoreVersion(IndexKeyMigration.KEY_ORDER_VERSION);
    KeyOrderedH2Backend backend = new KeyOrderedH2Backend(store);
    MemoryBackend library = new MemoryBackend();
    try {
      MongoCollection<Object> unsized = writeTheSame(backend);
      MongoCollection<Object> reference = writeTheSame(library);
      assertThat(unsized).isInstanceOf(UnsizedCollection.class);
      Document stats = unsized.getStats();
      assertThat(stats.get("count")).isEqualTo(3);
      assertThat(stats.get("size")).isEqualTo(reference.getStats().get("size")).isNotEqualTo(0);
      assertThat(stats.get("avgObjSize")).isEqualTo(reference.getStats().get("avgObjSize"));
    } finally {
      backend.close();
      library.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static MongoCollection<Object> writeTheSame(MongoBackend backend) {
    MongoDatabase database = backend.resolveDatabase("db");
    database.handleCommand(new EmbeddedChannel(), "create", new Document("create", "c"), null, NoopOplog.get());
    MongoCollection<Object> collection = (MongoCollection<Object>) database.resolveCollection("c", true);
    collection.addDocument(new Document("_id", 1).append("text", "short"));
    collection.addDocument(new Document("_id", 2).append("text", "a longer text").append("n", 7L));
    collection.addDocument(new Document("_id", 3).append("list", List.of(1, 2, 3)));
    collection.updateDocuments(new Document("_id", 1), new Document("$set", new Document("text", "x".repeat(500))),
        ArrayFilters.empty(), false, false, NoopOplog.get());
    collection.updateDocuments(new Document("_id", 2), new Document("$unset", new Document("n", "")),
        ArrayFilters.empty(), false, false, NoopOplog.get());
    collection.updateDocuments(new Document("_id", 4), new Document("$set", new Document("text", "upserted")),
        ArrayFilters.empty(), false, true, NoopOplog.get());
    collection.deleteDocuments(new Document("_id", 3), 0);
    return collection;
  }
}
