package dev.dovetail.infra.mongo;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;

/**
 * An index a repository declares next to the queries it serves; {@link MongoStore} creates them at start-up. A unique
 * index is created on both engines: mongo-java-server uses an index only for a filter on exactly its keys, so these
 * (each unique by construction, most beginning with {@code _id}) turn conditional writes into key lookups there. A
 * non-unique
 * one only on a real MongoDB: mongo-java-server would log a warning for it and ignore it.
 */
record StoreIndex(String collection, String name, JsonObject keys, boolean unique) {

  static StoreIndex unique(String collection, String name, JsonObject keys) {
    return new StoreIndex(collection, name, keys, true);
  }

  static StoreIndex secondary(String collection, String name, JsonObject keys) {
    return new StoreIndex(collection, name, keys, false);
  }

  IndexModel model() {
    return new IndexModel(keys, new IndexOptions().name(name).unique(unique));
  }
}
