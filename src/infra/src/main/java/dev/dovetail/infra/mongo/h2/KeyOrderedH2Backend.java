package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose unique-index maps are ordered by {@link IndexKeyType} instead of by the Java
 * serialisation of their keys (ADR 72). Open its store with {@link IndexKeyMigration#open}, which rebuilds index maps
 * written in the old order first: this backend must never open a store that has not been through it. Its collections'
 * documents are written as BSON ({@link BsonDocumentType}, ADR 76), and its index keys by {@link KeyValueEncoding}
 * (ADR 79). Its databases also keep non-unique indexes ({@link SecondaryIndex}, ADR 75), which the library alone
 * only ignores, and its unique indexes also find the one document of a query that gives all their keys equal values
 * ({@link KeyOrderedUniqueIndex}, ADR 80). Its collections keep no running total of their size
 * ({@link UnsizedCollection}).
 */
public final class KeyOrderedH2Backend extends H2Backend {

  /** The part of a unique-index map's name between its collection's namespace and the index name. */
  static final String INDEX_MAP_INFIX = "._index_";

  /** The prefix H2Database gives the name of a collection's meta map, before the collection's namespace. */
  static final String META_MAP_PREFIX = "meta.";

  /** The part of a secondary-index map's name between its collection's namespace and the index name. */
  static final String SECONDARY_MAP_INFIX = "._secondary_";

  /**
   * The map naming the secondary-index maps built completely (ADR 75). {@code $} is in no database name, so no
   * database's drop removes it.
   */
  static final String BUILT_SECONDARY_MAPS = "$built-secondary-indexes";

  /** The field of {@code serverStatus} by which {@code MongoStore} knows it may declare non-unique indexes. */
  public static final String SECONDARY_INDEXES_STATUS = "dovetailSecondaryIndexes";

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
  public Document getServerStatus() {
    return super.getServerStatus().append(SECONDARY_INDEXES_STATUS, true);
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
     * A {@link KeyOrderedUniqueIndex} on the map the library's {@link H2Database} would open (same name, so its
     * {@code dropIndex} removes it), opened with the new key type.
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
      return new KeyOrderedUniqueIndex(map, indexName, keys, sparse);
    }

    /**
     * An {@link UnsizedCollection} on the maps the library's {@link H2Database} would open (same names, so its
     * {@code dropCollection} removes them), the data map opened with {@link BsonDocumentType} (ADR 76).
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      MVStore store = KeyOrderedH2Backend.this.getMvStore();
      String namespace = getFullCollectionNamespace(collectionName);
      return new UnsizedCollection(this, collectionName, options,
          BsonDocumentType.openDataMap(store, BsonDocumentType.DATA_MAP_PREFIX + namespace),
          store.openMap(META_MAP_PREFIX + namespace), KeyOrderedH2Backend.this.getCursorRegistry());
    }

    /**
     * A {@link SecondaryIndex} on its own map. A map not recorded in {@link #BUILT_SECONDARY_MAPS} (a new index, an
     * index declared before ADR 75, or a build a crash interrupted: the store may have committed part of it) is
     * cleared and built from the collection's documents, then recorded; the record is written after every entry, so
     * a commit that holds it holds the whole map.
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      MVStore store = KeyOrderedH2Backend.this.getMvStore();
      String name = getFullCollectionNamespace(collectionName) + SECONDARY_MAP_INFIX + indexName;
      MVMap<KeyValue, Object> map = openIndexMap(store, name);
      Object keyType = map.getKeyType();
      if (!(keyType instanceof IndexKeyType)) {
        throw new IllegalStateException("index map " + name + " was opened before with another key type");
      }
      MVMap<String, Boolean> built = store.openMap(BUILT_SECONDARY_MAPS);
      MongoCollection<Object> collection = resolveCollection(collectionName, false);
      SecondaryIndex index = new SecondaryIndex(map, indexName, keys, sparse, () -> {
        built.remove(name);
        store.removeMap(name);
      }, collection == null ? List::of : collection::getIndexes);
      if (!Boolean.TRUE.equals(built.get(name))) {
        map.clear();
        if (collection != null) {
          for (Document document : collection.queryAll()) {
            index.add(document, document.get("_id"), collection);
          }
        }
        built.put(name, Boolean.TRUE);
      }
      return index;
    }

    /** The library removes the database's maps; the records of its secondary-index maps go with them. */
    @Override
    public void drop(Oplog oplog) {
      super.drop(oplog);
      MVMap<String, Boolean> built = KeyOrderedH2Backend.this.getMvStore().openMap(BUILT_SECONDARY_MAPS);
      built.keySet().stream().filter(name -> name.startsWith(getDatabaseName() + ".")).toList().forEach(built::remove);
    }
  }
}
