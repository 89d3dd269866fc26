package dev.dovetail.infra.mongo.h2;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents written through the real driver into the embedded store on disk are stored as BSON (ADR 76), and after a
 * restart are read back, found by their unique index and by queries, and updated, as before.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Documents in the embedded store on disk, written as BSON")
class BsonDocumentStoreIT {

  private static final int DOCS = 200;
  private static final String ITEMS = "items";
  private static final String DATA_MAP = BsonDocumentType.DATA_MAP_PREFIX + "dovetail." + ITEMS;

  @Test
  @DisplayName("are read back, found by index and by query, and updated, across restarts")
  void documentsSurviveRestart(Vertx vertx, @TempDir Path dir) {
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo);
      await(client.createIndexes(ITEMS, List.of(new IndexModel(new JsonObject().put("code", 1),
          new IndexOptions().name("code").unique(true)))));
      for (int i = 0; i < DOCS; i++) {
        await(client.insert(ITEMS, item(i)));
      }
      await(client.updateCollection(ITEMS, new JsonObject().put("_id", "item-7"),
          new JsonObject().put("$set", new JsonObject().put("note", "changed")).put("$push",
              new JsonObject().put("tags", "pushed"))));
      await(client.close());
    }
    assertStoredAsBson(dir);

    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo);
      assertEveryItemReadBack(client, false);
      await(client.updateCollection(ITEMS, new JsonObject().put("_id", "item-8"),
          new JsonObject().put("$inc", new JsonObject().put("count", 5L))));
      assertThat(await(client.insert(ITEMS, item(DOCS + 1)))).isNull();
      assertThat(await(client.count(ITEMS, new JsonObject()))).isEqualTo(DOCS + 1L);
      await(client.close());
    }

    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoClient client = client(vertx, mongo);
      assertEveryItemReadBack(client, true);
      assertThat(await(client.findOne(ITEMS, new JsonObject().put("code", "code-" + (DOCS + 1)), null))).isNotNull();
      assertThat(await(failureOf(client.insert(ITEMS, item(3).put("_id", "another")))))
          .hasMessageContaining("E11000");
      await(client.close());
    }
  }

  private static void assertEveryItemReadBack(MongoClient client, boolean incremented) {
    for (int i = 0; i < DOCS; i++) {
      JsonObject expected = comparable(expected(i, incremented));
      assertThat(comparable(await(client.findOne(ITEMS, new JsonObject().put("_id", "item-" + i), null))))
          .as("item %d by _id", i).isEqualTo(expected);
      assertThat(comparable(await(client.findOne(ITEMS, new JsonObject().put("code", "code-" + i), null))))
          .as("item %d by its unique index", i).isEqualTo(expected);
    }
    List<JsonObject> open = await(client.findWithOptions(ITEMS,
        new JsonObject().put("open", true).put("at", new JsonObject().put("$gte",
            new JsonObject().put("$date", Instant.ofEpochMilli(at(100)).toString()))),
        new FindOptions().setSort(new JsonObject().put("at", -1))));
    assertThat(open).extracting(doc -> doc.getString("_id"))
        .containsExactlyElementsOf(java.util.stream.IntStream.iterate(DOCS - 2, i -> i >= 100, i -> i - 2)
            .mapToObj(i -> "item-" + i).toList());
    List<JsonObject> nested = await(client.find(ITEMS, new JsonObject().put("slot.day", 3)));
    assertThat(nested).hasSize((int) java.util.stream.IntStream.range(0, DOCS).filter(i -> i % 7 == 3).count());
  }

  /** Outside the server: the collection's data map holds BSON values, which H2's ObjectDataType cannot read. */
  private static void assertStoredAsBson(Path dir) {
    MVStore store = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).open();
    try {
      assertThat(store.getStoreVersion()).isEqualTo(IndexKeyMigration.ENCODED_KEYS_VERSION);
      MVMap<Object, Object> plain = store.openMap(DATA_MAP);
      assertThatThrownBy(() -> plain.cursor(null).forEachRemaining(key -> { }))
          .isInstanceOf(MVStoreException.class);
    } finally {
      store.closeImmediately();
    }
    MVStore again = new MVStore.Builder().fileName(dir.resolve(EmbeddedMongo.FILE_NAME).toString()).open();
    try {
      MVMap<Object, Document> map = BsonDocumentType.openDataMap(again, DATA_MAP);
      assertThat(map.values()).hasSize(DOCS).allSatisfy(doc -> assertThat(doc.get("_id")).isInstanceOf(String.class));
    } finally {
      again.closeImmediately();
    }
  }

  private static JsonObject item(int i) {
    return new JsonObject().put("_id", "item-" + i).put("code", "code-" + i).put("count", 1_000_000_000_000L + i)
        .put("ratio", i / 8.0).put("small", i).put("open", i % 2 == 0)
        .put("at", new JsonObject().put("$date", Instant.ofEpochMilli(at(i)).toString()))
        .put("slot", new JsonObject().put("day", i % 7).put("minutes", new JsonArray().add(i).add(i + 30)))
        .put("tags", new JsonArray().add("t" + i % 3).add(new JsonObject().put("k", "é日本" + i)))
        .put("none", null);
  }

  /** Item {@code i} after the updates: item 7's set and push, item 8's increment if {@code incremented}. */
  private static JsonObject expected(int i, boolean incremented) {
    JsonObject doc = item(i);
    if (i == 7) {
      doc.put("note", "changed");
      doc.getJsonArray("tags").add("pushed");
    } else if (i == 8 && incremented) {
      doc.put("count", doc.getLong("count") + 5);
    }
    return doc;
  }

  /** A copy with the date as epoch milliseconds, whatever text form the driver gives it. */
  private static JsonObject comparable(JsonObject doc) {
    JsonObject copy = doc.copy();
    copy.put("at", Instant.parse(doc.getJsonObject("at").getString("$date")).toEpochMilli());
    return copy;
  }

  private static long at(int i) {
    return 1_790_000_000_000L + i * 3_600_000L;
  }

  private static MongoClient client(Vertx vertx, EmbeddedMongo mongo) {
    return MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString())
        .put("db_name", "dovetail").put("useObjectId", false));
  }
}
