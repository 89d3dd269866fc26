package dev.dovetail.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a store the history of a hub that has run for months: copies (new ids, same fields) of the bookings and of
 * the finished outbox messages a run has already written, so that every query that reads a whole collection (a poll
 * on the embedded store without ADR 75's indexes) meets that many documents. Copies of finished messages are never
 * due, and bookings' documents block nothing (slots are decided by the schedules), so the copies add no work of their
 * own. Used by {@link LoadDriver} with {@code -Ddovetail.bench.history=N}.
 */
final class History {

  private static final int BATCH = 1_000;

  /** The collections grown, each with the filter of the documents copied. */
  private static final List<JsonObject> GROWN = List.of(
      new JsonObject().put("collection", "bookings").put("filter", new JsonObject()),
      new JsonObject().put("collection", "outbox")
          .put("filter", new JsonObject().put("state", new JsonObject().put("$ne", "PENDING"))));

  private History() {}

  /** Grows each collection to {@code documents} documents (one that holds as many already is left as it is). */
  static void grow(Vertx vertx, String storeUri, int documents) {
    MongoClient client = MongoClient.create(vertx,
        new JsonObject().put("connection_string", storeUri).put("db_name", "dovetail"));
    try {
      for (JsonObject grown : GROWN) {
        String collection = grown.getString("collection");
        List<JsonObject> originals = client.find(collection, grown.getJsonObject("filter")).await();
        long held = client.count(collection, new JsonObject()).await();
        long started = System.nanoTime();
        for (long next = held; next < documents && !originals.isEmpty(); next += BATCH) {
          List<BulkOperation> copies = new ArrayList<>();
          for (long k = next; k < Math.min(next + BATCH, documents); k++) {
            JsonObject copy = originals.get((int) (k % originals.size())).copy();
            copy.put("_id", copy.getString("_id") + "~history-" + k);
            copies.add(BulkOperation.createInsert(copy));
          }
          client.bulkWrite(collection, copies).await();
        }
        System.out.printf("history: %s from %d to %d documents (copies of %d) in %.1f s%n", collection, held,
            client.count(collection, new JsonObject()).await(), originals.size(),
            (System.nanoTime() - started) / 1e9);
      }
    } finally {
      client.close().await();
    }
  }
}
