package dev.dovetail.infra.mongo.h2;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by mongo-java-server's own H2 backend (every hub before ADR 72), opened through
 * {@link EmbeddedMongo}: its index maps are rebuilt in the new order once, every document is found again by every
 * unique index through the real driver, and duplicates are still refused. The keys mix strings, the three number types,
 * dates, booleans and nested documents, so the old order (by serialised bytes) and the new one differ.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Index maps written in the library's key order")
class IndexKeyMigrationIT {

  private static final int DOCS = 300;
  private static final String DB = "dovetail";
  private static final String ITEMS = "items";

  @Test
  @DisplayName("are rebuilt on the first open: every document is found by every unique index, duplicates refused")
  void legacyStoreIsMigratedAndServesEveryIndex(Vertx vertx, @TempDir Path dir) {
    writeWithLibraryBackend(vertx, dir);
    assertLegacyOrderDiffers(dir);
    assertThatThrownBy(() -> openWithoutMigration(dir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("old order");

    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo.connectionString());
      assertEveryDocumentFoundByEveryIndex(client);
      assertDuplicatesRefused(client);
      await(client.insert(ITEMS, item(DOCS)));
      assertFoundByEveryIndex(client, DOCS);
      await(client.close());
    }
    try (EmbeddedMongo again = EmbeddedMongo.onDisk(dir)) { // migrated: opened as it is
      MongoClient client = client(vertx, again.connectionString());
      assertEveryDocumentFoundByEveryIndex(client);
      assertFoundByEveryIndex(client, DOCS);
      assertDuplicatesRefused(client);
      await(client.close());
    }
    assertThat(storeVersion(dir)).isEqualTo(IndexKeyMigration.ENCODED_KEYS_VERSION);
  }

  @Test
  @DisplayName("a crash in the middle of the migration leaves a store the next open migrates correctly")
  void crashMidMigrationMigratesAgain(Vertx vertx, @TempDir Path dir) {
    writeWithLibraryBackend(vertx, dir);
    MVStore store = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString())
        .autoCommitDisabled().autoCommitBufferSize(0).open();
    List<String> maps = IndexKeyMigration.indexMaps(store);
    assertThat(maps).hasSizeGreaterThanOrEqualTo(4);
    IndexKeyMigration.rebuild(store, maps.get(0));
    IndexKeyMigration.rebuild(store, maps.get(1));
    store.commit(); // two maps rebuilt on disk,
    IndexKeyMigration.rebuild(store, maps.get(2)); // a third only in memory when the process dies
    store.closeImmediately();

    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo.connectionString());
      assertEveryDocumentFoundByEveryIndex(client);
      assertDuplicatesRefused(client);
      await(client.close());
    }
  }

  @Test
  @DisplayName("a new store is marked as being in the new order from the start")
  void newStoreStartsMigrated(Vertx vertx, @TempDir Path dir) {
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo.connectionString());
      createIndexes(client);
      for (int i = 0; i < 50; i++) {
        await(client.insert(ITEMS, item(i)));
      }
      await(client.close());
    }
    assertThat(storeVersion(dir)).isEqualTo(IndexKeyMigration.ENCODED_KEYS_VERSION);
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo.connectionString());
      for (int i = 0; i < 50; i++) {
        assertFoundByEveryIndex(client, i);
      }
      await(client.close());
    }
  }

  /** Document {@code i}: each unique index below gets keys of mixed types. */
  private static JsonObject item(int i) {
    Object code = switch (i % 5) {
      case 0 -> "c" + i;
      case 1 -> i; // an int, stored normalised as a double
      case 2 -> i + 0.25;
      case 3 -> 9_007_199_254_740_993L + i; // a long no double holds exactly
      default -> new JsonObject().put("$date", Instant.ofEpochMilli(1_700_000_000_000L + i).toString());
    };
    return new JsonObject().put("_id", "item-" + i).put("name", "name " + (DOCS - i)).put("code", code)
        .put("provider", "prov-" + i % 7).put("at", new JsonObject().put("$date", Instant.ofEpochMilli(i * 60_000L)
            .toString())).put("open", i % 2 == 0).put("tag", new JsonObject().put("k", i).put("s", "t" + i % 3));
  }

  private static void createIndexes(MongoClient client) {
    await(client.createIndexes(ITEMS, List.of(
        new IndexModel(new JsonObject().put("name", 1), new IndexOptions().name("name").unique(true)),
        new IndexModel(new JsonObject().put("code", 1), new IndexOptions().name("code").unique(true)),
        new IndexModel(new JsonObject().put("provider", 1).put("at", 1).put("open", 1),
            new IndexOptions().name("provider_at_open").unique(true)),
        new IndexModel(new JsonObject().put("tag", 1), new IndexOptions().name("tag").unique(true)))));
  }

  private static void writeWithLibraryBackend(Vertx vertx, Path dir) {
    MVStore store = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).open();
    H2Backend backend = new H2Backend(store);
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try {
      MongoClient client = client(vertx, "mongodb://127.0.0.1:" + address.getPort());
      createIndexes(client);
      for (int i = 0; i < DOCS; i++) {
        await(client.insert(ITEMS, item(i)));
      }
      await(client.close());
    } finally {
      server.shutdownNow();
      backend.close(); // closes the MVStore, committing everything
    }
  }

  /** The test is only worth something if the stored order is not the new one. */
  private static void assertLegacyOrderDiffers(Path dir) {
    MVStore store = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).open();
    try {
      MVMap<KeyValue, Object> code = store.openMap(DB + "." + ITEMS + "._index_code");
      List<KeyValue> stored = new ArrayList<>(code.keySet());
      assertThat(stored).hasSize(DOCS);
      List<KeyValue> reordered = new ArrayList<>(stored);
      reordered.sort(new IndexKeyType());
      assertThat(reordered).isNotEqualTo(stored);
    } finally {
      store.closeImmediately();
    }
  }

  private static int storeVersion(Path dir) {
    MVStore store = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).open();
    try {
      return store.getStoreVersion();
    } finally {
      store.closeImmediately();
    }
  }

  private static void openWithoutMigration(Path dir) {
    MVStore store = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).open();
    try {
      new KeyOrderedH2Backend(store).close();
    } finally {
      store.closeImmediately();
    }
  }

  private static void assertEveryDocumentFoundByEveryIndex(MongoClient client) {
    for (int i = 0; i < DOCS; i++) {
      assertFoundByEveryIndex(client, i);
    }
  }

  private static void assertFoundByEveryIndex(MongoClient client, int i) {
    JsonObject doc = item(i);
    List<JsonObject> filters = List.of(new JsonObject().put("_id", doc.getValue("_id")),
        new JsonObject().put("name", doc.getValue("name")), new JsonObject().put("code", doc.getValue("code")),
        new JsonObject().put("provider", doc.getValue("provider")).put("at", doc.getValue("at"))
            .put("open", doc.getValue("open")),
        new JsonObject().put("tag", doc.getValue("tag")));
    for (JsonObject filter : filters) {
      List<JsonObject> found = await(client.find(ITEMS, filter));
      assertThat(found).as("item %d by %s", i, filter).hasSize(1);
      assertThat(found.get(0).getString("_id")).isEqualTo("item-" + i);
    }
  }

  private static void assertDuplicatesRefused(MongoClient client) {
    JsonObject original = item(17);
    List<JsonObject> duplicates = List.of(
        item(DOCS + 1).put("name", original.getValue("name")),
        item(DOCS + 2).put("code", original.getValue("code")),
        item(DOCS + 3).put("provider", original.getValue("provider")).put("at", original.getValue("at"))
            .put("open", original.getValue("open")),
        item(DOCS + 4).put("tag", original.getValue("tag")),
        item(DOCS + 5).put("_id", original.getValue("_id")));
    for (JsonObject duplicate : duplicates) {
      Throwable refused = await(failureOf(client.insert(ITEMS, duplicate)));
      assertThat(refused).as("inserting %s", duplicate).hasMessageContaining("E11000");
    }
  }

  private static MongoClient client(Vertx vertx, String connectionString) {
    return MongoClient.create(vertx, new JsonObject().put("connection_string", connectionString).put("db_name", DB)
        .put("useObjectId", false));
  }
}
