package dev.dovetail.infra.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.port.out.StoreDurability;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every Mongo adapter shares: the client, the durability hook run after each write, error translation and
 * encoding helpers. Instants are stored as BSON int64 epoch milliseconds (sortable; sub-millisecond precision is
 * dropped), durations as ISO-8601 strings, zones as IANA ids.
 */
final class MongoSupport {

  static final int DUPLICATE_KEY = 11000;

  final Vertx vertx;
  final MongoClient client;
  /** The core's view of {@link #durable()}: one instance per store, so that waits for this store can be shared. */
  final StoreDurability durability = this::durable;
  private final MongoStore.Durability commitAfterWrite;

  MongoSupport(Vertx vertx, MongoClient client, MongoStore.Durability commitAfterWrite) {
    this.vertx = vertx;
    this.client = client;
    this.commitAfterWrite = commitAfterWrite;
  }

  /**
   * Makes the writes acknowledged so far durable (the embedded store's group commit); completes on the caller's
   * context, without holding a thread while it waits.
   */
  Future<Void> durable() {
    if (commitAfterWrite == MongoStore.NO_COMMIT) {
      return Future.succeededFuture();
    }
    return Future.fromCompletionStage(commitAfterWrite.afterWrites(), vertx.getOrCreateContext());
  }

  /** The write's result, once it is durable. */
  <T> Future<T> durable(Future<T> write) {
    return write.compose(result -> durable().map(result));
  }

  static boolean isDuplicateKey(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof MongoWriteException write) {
        return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
      }
      if (t instanceof MongoBulkWriteException bulk) {
        return bulk.getWriteErrors().stream().anyMatch(e -> e.getCategory() == ErrorCategory.DUPLICATE_KEY);
      }
      if (t instanceof MongoCommandException command) {
        return command.getErrorCode() == DUPLICATE_KEY;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Index of the first failed write in an ordered bulk write, or -1 if the error is not a bulk write error. */
  static int firstFailedIndex(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof MongoBulkWriteException bulk) {
        return bulk.getWriteErrors().stream().mapToInt(e -> e.getIndex()).min().orElse(-1);
      }
    }
    return -1;
  }

  /** Inserts {@code doc} durably; a duplicate key fails with {@code duplicate}, other failures pass unchanged. */
  Future<Void> insert(String collection, JsonObject doc, Supplier<RuntimeException> duplicate) {
    return durable(client.insert(collection, doc).<Void>mapEmpty().recover(duplicateAs(duplicate)));
  }

  /** The one document matching {@code filter}, decoded; empty when there is none. */
  <T> Future<Optional<T>> findOne(String collection, JsonObject filter, Function<JsonObject, T> decode) {
    return client.findOne(collection, filter, null).map(doc -> Optional.ofNullable(doc).map(decode));
  }

  /** Translates a duplicate-key failure into the given exception; other failures pass unchanged. */
  static <T> Function<Throwable, Future<T>> duplicateAs(Supplier<RuntimeException> conflict) {
    return error -> Future.failedFuture(isDuplicateKey(error) ? conflict.get() : error);
  }

  static JsonObject byId(String id) {
    return new JsonObject().put("_id", id);
  }

  static long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  static Instant instant(JsonObject doc, String field) {
    Long value = doc.getLong(field);
    return value == null ? null : Instant.ofEpochMilli(value);
  }

  static Instant requiredInstant(JsonObject doc, String field) {
    Instant value = instant(doc, field);
    if (value == null) {
      throw new IllegalStateException("stored document " + doc.getValue("_id") + " lacks " + field);
    }
    return value;
  }

  static void putInstant(JsonObject doc, String field, Instant value) {
    if (value != null) {
      doc.put(field, value.toEpochMilli());
    }
  }

  static String duration(Duration duration) {
    return duration.toString();
  }

  static Duration duration(JsonObject doc, String field) {
    return Duration.parse(doc.getString(field));
  }

  static JsonArray array(JsonObject doc, String field) {
    JsonArray value = doc.getJsonArray(field);
    return value == null ? new JsonArray() : value;
  }

  /**
   * Builds a page from up to {@code limit + 1} documents read in keyset order: the extra one only tells that there is
   * a next page, whose cursor is the key of the last item returned.
   */
  static <T> Page<T> page(List<JsonObject> docs, int limit, Function<JsonObject, T> decode, Function<T, String> key) {
    List<T> items = docs.stream().limit(limit).map(decode).toList();
    String next = docs.size() > limit && !items.isEmpty() ? key.apply(items.get(items.size() - 1)) : null;
    return new Page<>(items, next);
  }
}
