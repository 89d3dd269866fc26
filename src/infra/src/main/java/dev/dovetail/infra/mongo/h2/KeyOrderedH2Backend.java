package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose unique-index maps are ordered by {@link IndexKeyType} instead of by the Java
 * serialisation of their keys (ADR 72). Open its store with {@link IndexKeyMigration#open}, which rebuilds index maps
 * written in the old order first: this backend must never open a store that has not been through it. Its collections'
 * documents are written as BSON ({@link BsonDocumentType}, ADR 76), and its index keys by {@link KeyValueEncoding}
 * (ADR 79).
 */
public final class KeyOrderedH2Backend extends H2Backend {

  /** The part of a unique-index map's name between its collection's namespace and the index name. */
  static final String INDEX_MAP_INFIX = "._index_";

  public KeyOrderedH2Backend(MVStore store) {
    super(requireMigrated(store));
  }

  private static MVStore requireMigrated(MVStore store) {
    if (!IndexKeyMigration.isMigrated(store)) {
      throw new IllegalStateException("the store's index maps are in the old order: open it with IndexKeyMigration");
    }
    IndexKeyMigration.markCurrent(store);
    return store;
  }

  /** The name H2Database gives the map of a unique index. */
  static String indexMapName(String collectionNamespace, String indexName) {
    return collectionNamespace + INDEX_MAP_INFIX + indexName;
  }

  /** Opens the index map with {@link IndexKeyType}, before the library's {@code openMap} (same name) returns it. */
  static MVMap<KeyValue, Object> openIndexMap(MVStore store, String name) {
    return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new KeyOrderedDatabase(databaseName);
  }

  /**
   * The library's database with the index maps opened in the new order. It is an inner class on purpose: H2Database's
   * constructor already opens the indexes, before a field of a subclass is set, so the store is read through the
   * enclosing backend (whose reference Java sets before the superclass constructor runs).
   */
  private final class KeyOrderedDatabase extends H2Database {

    KeyOrderedDatabase(String databaseName) {
      super(databaseName, KeyOrderedH2Backend.this.getMvStore(),
          KeyOrderedH2Backend.this.getCursorRegistry());
    }

    /**
     * {@code MVStore.openMap} returns a map already open as it is, so the library's {@link H2Database} and its
     * {@code H2UniqueIndex} work on the map opened here with the new key type.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      MVMap<KeyValue, Object> map =
          openIndexMap(KeyOrderedH2Backend.this.getMvStore(),
              indexMapName(getFullCollectionNamespace(collectionName), indexName));
      Object keyType = map.getKeyType();
      if (!(keyType instanceof IndexKeyType)) {
        throw new IllegalStateException("index map " + map.getName() + " was opened before with another key type");
      }
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    /** The collection's data map opened with {@link BsonDocumentType} first, as the index maps above (ADR 76). */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      BsonDocumentType.openDataMap(KeyOrderedH2Backend.this.getMvStore(),
          BsonDocumentType.DATA_MAP_PREFIX + getFullCollectionNamespace(collectionName));
      return super.openOrCreateCollection(collectionName, options);
    }
  }
}
