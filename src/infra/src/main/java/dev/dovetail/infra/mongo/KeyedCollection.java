package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The operations shared by the collections whose documents are found by {@code _id}: insert (the {@code _id} index
 * refuses a duplicate), replace by id, find by id, keyset pages on {@code _id} within a typed filter, delete.
 */
final class KeyedCollection<T> {

  /** The field that marks a tombstone. */
  static final String RETIRED = "retired";

  private final MongoSupport mongo;
  private final String name;
  private final Function<T, JsonObject> encode;
  private final Function<JsonObject, T> decode;
  private final Function<T, String> id;

  KeyedCollection(MongoSupport mongo, String name, Function<T, JsonObject> encode, Function<JsonObject, T> decode,
      Function<T, String> id) {
    this.mongo = mongo;
    this.name = name;
    this.encode = encode;
    this.decode = decode;
    this.id = id;
  }

  Future<Void> insert(T item, Supplier<RuntimeException> duplicate) {
    return mongo.insert(name, encode.apply(item), duplicate);
  }

  Future<Void> replace(T item, Supplier<RuntimeException> missing) {
    return mongo.durable(mongo.client.replaceDocuments(name, live(byId(id.apply(item))), encode.apply(item))
        .compose(result -> result.getDocMatched() == 1
            ? Future.<Void>succeededFuture()
            : Future.failedFuture(missing.get())));
  }

  Future<Optional<T>> findById(String key) {
    return mongo.findOne(name, live(byId(key)), decode);
  }

  /** Items matching {@code filter} (built from typed values only) in {@code _id} order, after the cursor id. */
  Future<Page<T>> list(JsonObject filter, PageRequest page) {
    JsonObject query = live(filter.copy());
    if (page.cursor() != null) {
      query.put("_id", new JsonObject().put("$gt", page.cursor()));
    }
    FindOptions options = new FindOptions().setSort(new JsonObject().put("_id", 1)).setLimit(page.limit() + 1);
    return mongo.client.findWithOptions(name, query, options)
        .map(docs -> MongoSupport.page(docs, page.limit(), decode, id));
  }

  /**
   * Replaces the item with a tombstone that keeps its key taken forever (ADR 22): reads and replaces no longer see
   * it, and an insert of the same key is a duplicate. Retiring what is gone or retired is fine.
   */
  Future<Void> retire(String key) {
    return mongo.durable(mongo.client.replaceDocumentsWithOptions(name, byId(key),
        new JsonObject().put("_id", key).put(RETIRED, true), new UpdateOptions().setUpsert(true))
        .<Void>mapEmpty());
  }

  private static JsonObject live(JsonObject filter) {
    return filter.put(RETIRED, new JsonObject().put("$ne", true));
  }

  /** Deletes the document matching the filter (which names its {@code _id}); true if there was one. */
  Future<Boolean> delete(JsonObject filter) {
    return mongo.durable(mongo.client.removeDocument(name, filter).map(result -> result.getRemovedCount() == 1));
  }
}
