package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded store on disk: its keys in a map ordered by {@link IndexKeyType} (ADR 72), each
 * mapped to its document's position. Besides the queries on exactly its keys that the library's unique index serves,
 * it serves every query that gives all its keys equal values ({@link UniqueLookup}, ADR 80), such as a compare-and-set
 * filter on {@code _id} and a revision.
 */
final class KeyOrderedUniqueIndex extends AbstractUniqueIndex<Object> {

  private final MVMap<KeyValue, Object> map;

  KeyOrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.map = map;
  }

  /**
   * The library's rule, or all keys given equal values. In the second case the library's {@code getPositions} looks up
   * exactly the key those values make, as it does for a query on the keys alone.
   */
  @Override
  public synchronized boolean canHandle(Document query) {
    return super.canHandle(query) || findsOne(query);
  }

  /** Whether {@code query} gives all this index's keys equal values ({@link UniqueLookup}). */
  boolean findsOne(Document query) {
    return UniqueLookup.covers(keys(), query);
  }

  @Override
  protected Object removeDocument(KeyValue keyValue) {
    return map.remove(keyValue);
  }

  @Override
  protected boolean putKeyPosition(KeyValue keyValue, Object position) {
    return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
  }

  @Override
  protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
    return map.entrySet();
  }

  @Override
  protected Object getPosition(KeyValue keyValue) {
    return map.get(keyValue);
  }

  @Override
  public long getCount() {
    return map.sizeAsLong();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
