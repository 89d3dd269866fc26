package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.kernel.ConflictException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The store's one optimistic-concurrency idiom (ADR 53): a document changed by compare-and-set carries its counter in
 * {@code revision}, and a write replaces it whole only if the stored revision is still the one the writer read. A lost
 * race is retried by the caller from a fresh read, after {@link #pause}. The filter is {@code {_id, revision}}, which
 * a real MongoDB finds by {@code _id}, and so does the embedded store since ADR 80 (before, it needed a unique index on
 * exactly those keys, which {@code MongoStore} now drops).
 *
 * <p>Documents stored before ADR 53 may carry the counter under an older name ({@code legacyField}: {@code sequence}
 * for bookings and waitlist entries, {@code version} for payments). It is read when {@code revision} is absent, the
 * compare-and-set, on a miss by {@code revision}, tries it there (a scan, but only for a lost race or an old document),
 * and the replacing write stores {@code revision} only: a document moves to the new name on its next change.
 */
final class CompareAndSet {

  static final String REVISION = "revision";
  private static final int MAX_PAUSE_MILLIS = 32;

  private final MongoSupport mongo;
  private final String collection;
  private final String legacyField;

  /** {@code legacyField}: the counter's name before ADR 53, or null if the collection always used {@code revision}. */
  CompareAndSet(MongoSupport mongo, String collection, String legacyField) {
    this.mongo = mongo;
    this.collection = collection;
    this.legacyField = legacyField;
  }

  /** The stored revision of {@code doc}, under {@code legacyField} if {@code revision} is absent (0 if neither is). */
  static long revision(JsonObject doc, String legacyField) {
    Object value = doc.getValue(REVISION);
    if (value == null && legacyField != null) {
      value = doc.getValue(legacyField);
    }
    return value == null ? 0L : ((Number) value).longValue();
  }

  /** The stored revision of document {@code id}, read alone (a projection); 0 when there is no document. */
  Future<Long> stored(String id) {
    JsonObject fields = new JsonObject().put(REVISION, 1);
    if (legacyField != null) {
      fields.put(legacyField, 1);
    }
    return mongo.client.findOne(collection, byId(id), fields).map(doc -> doc == null ? 0L : revision(doc, legacyField));
  }

  /** Inserts {@code doc} (with its {@code _id}): true if it is new, false if another writer created it first. */
  Future<Boolean> create(JsonObject doc) {
    return mongo.client.insert(collection, doc)
        .map(id -> true)
        .recover(err -> MongoSupport.isDuplicateKey(err) ? Future.succeededFuture(false) : Future.failedFuture(err));
  }

  /**
   * Replaces document {@code id} by {@code next} if its stored revision is {@code expected}: true if this write won,
   * false if another writer changed (or removed) the document first. Not yet durable.
   */
  Future<Boolean> replace(String id, long expected, JsonObject next) {
    return mongo.client.replaceDocuments(collection, at(id, expected), next).compose(result -> {
      if (result.getDocMatched() == 1 || legacyField == null) {
        return Future.succeededFuture(result.getDocMatched() == 1);
      }
      JsonObject old = byId(id).put(REVISION, new JsonObject().put("$exists", false)).put(legacyField, expected);
      return mongo.client.replaceDocuments(collection, old, next).map(legacy -> legacy.getDocMatched() == 1);
    });
  }

  /**
   * {@link #replace}, made durable, failing with a {@link ConflictException} "{@code what} changed concurrently" if
   * another writer won.
   */
  Future<Void> replaceOrFail(String id, long expected, JsonObject next, String what) {
    return mongo.durable(replace(id, expected, next).compose(won -> won
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(new ConflictException(what + " changed concurrently"))));
  }

  /** The filter for document {@code id} at revision {@code expected}: exactly the keys of {@link #index}. */
  JsonObject at(String id, long expected) {
    return byId(id).put(REVISION, expected);
  }

  /**
   * A random pause before retry number {@code attempt} (from 1), growing with it up to {@value #MAX_PAUSE_MILLIS} ms,
   * so that racing writers spread out instead of colliding again ({@code vertx.timer}, no thread held).
   */
  Future<Void> pause(int attempt) {
    int bound = Math.min(MAX_PAUSE_MILLIS, 1 << Math.min(attempt, 5));
    return mongo.vertx.timer(1 + ThreadLocalRandom.current().nextInt(bound), TimeUnit.MILLISECONDS).mapEmpty();
  }
}
