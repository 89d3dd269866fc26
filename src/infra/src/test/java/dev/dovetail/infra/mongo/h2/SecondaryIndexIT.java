package dev.dovetail.infra.mongo.h2;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's secondary indexes (ADR 75) through the real driver: a claim-style poll (equal state, due time
 * at most now, sorted, limited) answers correctly and reads only the index keys of the due messages, not the history;
 * an index declared before ADR 75 (in the index list, without a map) is built when the store opens; a build a crash
 * interrupted is not trusted; writes, updates and deletes keep the index right across a reopen.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Secondary indexes of the embedded store")
class SecondaryIndexIT {

  private static final String DB = "dovetail";
  private static final String OUTBOX = "outbox";
  private static final String INDEX = "state_nextAttemptAt";
  private static final String MAP = DB + "." + OUTBOX + KeyOrderedH2Backend.SECONDARY_MAP_INFIX + INDEX;
  private static final long NOW = 1_700_000_000_000L;
  private static final int HISTORY = 3000;

  @Test
  @DisplayName("serve a claim-style poll reading the keys of the due messages only, not the history")
  void claimReadsOnlyDueKeys(Vertx vertx, @TempDir Path dir) {
    KeyOrderedH2Backend backend = new KeyOrderedH2Backend(IndexKeyMigration.open(dir.resolve(EmbeddedMongo.FILE_NAME)));
    serve(vertx, backend, client -> {
      writeHistory(client);
      createIndex(client);
      SecondaryIndex index = secondaryIndex(backend);
      long before = index.keysRead();
      assertClaimAnswers(client);
      // 6 due and 4 not yet due PENDING keys, then the first key past the range: never the 3000 DONE ones
      assertThat(index.keysRead() - before).isLessThanOrEqualTo(12);
    });
  }

  @Test
  @DisplayName("declared before ADR 75 (no map) is built from the documents when the store opens")
  void indexDeclaredWithoutMapIsBuiltAtOpen(Vertx vertx, @TempDir Path dir) {
    writeWithLibrarySecondaryIndex(vertx, dir);
    assertThat(mapSize(dir)).isZero();
    assertBuiltAtOpen(vertx, dir);
  }

  @Test
  @DisplayName("a build a crash interrupted (part of the map committed, not recorded built) is redone at open")
  void interruptedBuildIsRedone(Vertx vertx, @TempDir Path dir) {
    writeWithLibrarySecondaryIndex(vertx, dir);
    MVStore store = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).open();
    MVMap<KeyValue, Object> partial = KeyOrderedH2Backend.openIndexMap(store, MAP);
    partial.put(new KeyValue("PENDING", 0.0, "ghost", "ghost"), Boolean.TRUE); // no such document
    partial.put(new KeyValue("DONE", 1.0, "done-1", "done-1"), Boolean.TRUE);
    store.commit();
    store.closeImmediately();
    assertBuiltAtOpen(vertx, dir);
  }

  @Test
  @DisplayName("follows inserts, updates and deletes, and serves them again after a reopen")
  void followsWritesAcrossReopen(Vertx vertx, @TempDir Path dir) {
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo.connectionString());
      createIndex(client); // on an empty collection, then filled by inserts
      writeHistory(client);
      // pending-0 is finished, done-7 is retried now, pending-9 (not due) is deleted
      await(client.updateCollection(OUTBOX, new JsonObject().put("_id", "pending-0"),
          new JsonObject().put("$set", new JsonObject().put("state", "DONE"))));
      await(client.updateCollection(OUTBOX, new JsonObject().put("_id", "done-7"),
          new JsonObject().put("$set", new JsonObject().put("state", "PENDING").put("nextAttemptAt", NOW - 1))));
      await(client.removeDocument(OUTBOX, new JsonObject().put("_id", "pending-9")));
      assertThat(claim(client)).containsExactly("pending-1", "pending-2", "pending-3", "pending-4", "pending-5",
          "done-7");
      await(client.close());
    }
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo.connectionString());
      assertThat(claim(client)).containsExactly("pending-1", "pending-2", "pending-3", "pending-4", "pending-5",
          "done-7");
      await(client.dropIndex(OUTBOX, INDEX));
      assertThat(claim(client)).as("scanned without the index").containsExactly("pending-1", "pending-2",
          "pending-3", "pending-4", "pending-5", "done-7");
      await(client.close());
    }
    assertThat(mapNames(dir)).doesNotContain(MAP);
  }

  /** HISTORY finished messages, 6 due PENDING ones (pending-0..5) and 4 PENDING ones due later (pending-6..9). */
  private static void writeHistory(MongoClient client) {
    for (int i = 0; i < HISTORY; i++) {
      await(client.insert(OUTBOX, message("done-" + i, "DONE", NOW - 10_000 + i)));
    }
    for (int i = 0; i < 10; i++) {
      await(client.insert(OUTBOX, message("pending-" + i, "PENDING", i < 6 ? NOW - 100 + i : NOW + 100 + i)));
    }
  }

  private static JsonObject message(String id, String state, long nextAttemptAt) {
    return new JsonObject().put("_id", id).put("state", state).put("nextAttemptAt", nextAttemptAt)
        .put("leaseUntil", 0L).put("payload", "x".repeat(100));
  }

  private static void createIndex(MongoClient client) {
    await(client.createIndexes(OUTBOX, List.of(new IndexModel(
        new JsonObject().put("state", 1).put("nextAttemptAt", 1).put("_id", 1), new IndexOptions().name(INDEX)))));
  }

  private static void assertClaimAnswers(MongoClient client) {
    assertThat(claim(client)).containsExactly("pending-0", "pending-1", "pending-2", "pending-3", "pending-4",
        "pending-5");
  }

  /** MongoOutboxRepository.claimDue's query. */
  private static List<String> claim(MongoClient client) {
    JsonObject due = new JsonObject().put("state", "PENDING")
        .put("nextAttemptAt", new JsonObject().put("$lte", NOW))
        .put("leaseUntil", new JsonObject().put("$lte", NOW));
    FindOptions options = new FindOptions().setSort(new JsonObject().put("nextAttemptAt", 1).put("_id", 1))
        .setLimit(20);
    return await(client.findWithOptions(OUTBOX, due, options)).stream().map(doc -> doc.getString("_id")).toList();
  }

  private static SecondaryIndex secondaryIndex(KeyOrderedH2Backend backend) {
    List<? extends Index<?>> indexes = backend.resolveDatabase(DB).resolveCollection(OUTBOX, true).getIndexes();
    return indexes.stream().filter(SecondaryIndex.class::isInstance).map(SecondaryIndex.class::cast).findFirst()
        .orElseThrow();
  }

  /**
   * A store as a hub before ADR 75 left it: the library's backend, which lists a declared non-unique index but keeps
   * no map for it. The store is at the key-order version, as every store ADR 72 opened.
   */
  private static void writeWithLibrarySecondaryIndex(Vertx vertx, Path dir) {
    serve(vertx, new H2Backend(IndexKeyMigration.open(dir.resolve(EmbeddedMongo.FILE_NAME))), client -> {
      createIndex(client);
      writeHistory(client);
    });
  }

  /** Serves {@code backend} on a free port to a client given to {@code use}, then stops both and closes the backend. */
  private static void serve(Vertx vertx, H2Backend backend, Consumer<MongoClient> use) {
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try {
      MongoClient client = client(vertx, "mongodb://127.0.0.1:" + address.getPort());
      use.accept(client);
      await(client.close());
    } finally {
      server.shutdownNow();
      backend.close();
    }
  }

  /** Opens the store as the hub does: the claim answers right, and the index holds every document. */
  private static void assertBuiltAtOpen(Vertx vertx, Path dir) {
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo.connectionString());
      assertClaimAnswers(client);
      await(client.close());
    }
    assertThat(mapSize(dir)).isEqualTo(HISTORY + 10);
  }

  private static long mapSize(Path dir) {
    // with the index maps' key type: its keys are written by KeyValueEncoding (ADR 79), which H2's own type cannot read
    return withStore(dir, store -> store.hasMap(MAP) ? KeyOrderedH2Backend.openIndexMap(store, MAP).sizeAsLong() : 0L);
  }

  private static Set<String> mapNames(Path dir) {
    return withStore(dir, MVStore::getMapNames);
  }

  private static <T> T withStore(Path dir, Function<MVStore, T> read) {
    MVStore store = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).readOnly().open();
    try {
      return read.apply(store);
    } finally {
      store.closeImmediately();
    }
  }

  private static MongoClient client(Vertx vertx, String connectionString) {
    return MongoClient.create(vertx, new JsonObject().put("connection_string", connectionString).put("db_name", DB)
        .put("useObjectId", false));
  }
}
