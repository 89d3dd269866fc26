package dev.dovetail.infra.mongo;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;

/**
 * An index a repository declares next to the queries it serves; {@link MongoStore} creates them at start-up. A unique
 * index is created on every engine: mongo-java-server uses one only for a filter on exactly its keys, so these (each
 * unique by construction, most beginning with {@code _id}) turn conditional writes into key lookups there. A
 * non-unique one on a real MongoDB and on the embedded store on disk, whose secondary indexes serve equality on a
 * leading prefix of their keys, optionally with bounds on the next key (ADR 75); the in-memory embedded store would
 * ignore it.
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
