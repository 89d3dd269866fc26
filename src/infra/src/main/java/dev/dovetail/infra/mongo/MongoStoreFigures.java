package dev.dovetail.infra.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the operators' figures ({@link StoreFigures}) with counts and small projections. On the embedded store every
 * one of these scans its collection (mongo-java-server ignores secondary indexes), so read them on a timer, not per
 * scrape.
 */
public final class MongoStoreFigures {

  private static final List<String> OUTBOX_STATES = List.of("PENDING", "SENT", "FAILED");
  private static final List<String> WAITLIST_STATES = List.of("WAITING", "OFFERED", "BOOKED", "LEFT", "REMOVED", "EXPIRED");

  private final MongoSupport mongo;

  MongoStoreFigures(MongoSupport mongo) {
    this.mongo = mongo;
  }

  public Future<StoreFigures> read() {
    Future<Map<String, Long>> outbox = countEach(MongoOutboxRepository.COLLECTION, "state", OUTBOX_STATES);
    Future<Instant> oldest = mongo.client.findWithOptions(MongoOutboxRepository.COLLECTION,
            new JsonObject().put("state", "PENDING"),
            new FindOptions().setSort(new JsonObject().put("dueAt", 1)).setLimit(1)
                .setFields(new JsonObject().put("dueAt", 1)))
        .map(docs -> docs.isEmpty() ? null : Instant.ofEpochMilli(docs.get(0).getLong("dueAt")));
    Future<Map<String, Long>> waitlist = countEach(MongoWaitlistRepository.COLLECTION, "status", WAITLIST_STATES);
    Future<Long> settled = mongo.client.count(MongoPaymentRepository.COLLECTION, new JsonObject().put("state", "PAID"));
    Future<Long> refunded = mongo.client.count(MongoPaymentRepository.COLLECTION,
        new JsonObject().put("refunded", new JsonObject().put("$gt", 0)));
    Future<List<JsonObject>> connections = mongo.client.findWithOptions(MongoSyncStore.CONNECTIONS, new JsonObject(),
        new FindOptions().setFields(new JsonObject().put("provider", 1).put("state", 1)));
    Future<List<JsonObject>> states = mongo.client.findWithOptions(MongoSyncStore.STATES, new JsonObject(),
        new FindOptions().setFields(new JsonObject().put("connectionId", 1).put("lastSyncedAt", 1)
            .put("lastError", 1)));
    return Future.all(List.of(outbox, oldest, waitlist, settled, refunded, connections, states))
        .map(all -> assemble(outbox.result(), oldest.result(), waitlist.result(), settled.result(), refunded.result(),
            connections.result(), states.result()));
  }

  private static StoreFigures assemble(Map<String, Long> outbox, Instant oldest, Map<String, Long> waitlist, long settled,
      long refunded, List<JsonObject> connections, List<JsonObject> states) {
    Map<String, Long> byServiceAndState = new HashMap<>();
    Map<String, String> serviceOf = new HashMap<>();
    Map<String, String> stateOf = new HashMap<>();
    for (JsonObject c : connections) {
      String service = c.getString("provider", "unknown");
      serviceOf.put(c.getString("_id"), service);
      stateOf.put(c.getString("_id"), c.getString("state"));
      byServiceAndState.merge(service + "/" + c.getString("state"), 1L, Long::sum);
    }
    Map<String, Instant> oldestSync = new HashMap<>();
    Map<String, Long> errors = new HashMap<>();
    for (JsonObject s : states) {
      String connection = s.getString("connectionId");
      String service = serviceOf.get(connection);
      if (service == null || !"CONNECTED".equals(stateOf.get(connection))) {
        continue;
      }
      if (s.getString("lastError") != null) {
        errors.merge(service, 1L, Long::sum);
      }
      Long synced = s.getLong("lastSyncedAt");
      Instant at = synced == null ? Instant.EPOCH : Instant.ofEpochMilli(synced);
      oldestSync.merge(service, at, (a, b) -> a.isBefore(b) ? a : b);
    }
    return new StoreFigures(outbox, oldest, byServiceAndState, oldestSync, errors, waitlist, settled, refunded);
  }

  private Future<Map<String, Long>> countEach(String collection, String field, List<String> values) {
    List<Future<Long>> counts = values.stream()
        .map(value -> mongo.client.count(collection, new JsonObject().put(field, value)))
        .toList();
    return Future.all(counts).map(all -> {
      Map<String, Long> out = new HashMap<>();
      for (int i = 0; i < values.size(); i++) {
        out.put(values.get(i), counts.get(i).result());
      }
      return out;
    });
  }
}
