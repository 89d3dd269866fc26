package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index of the embedded store (ADR 75): an {@link MVMap} ordered by {@link IndexKeyType} whose keys are a
 * document's index values (as the library makes them: normalised, one key per element of an indexed array, missing
 * fields as {@code null}) followed by the document's position, so equal values of different documents coexist.
 *
 * <p>It serves a query that names a leading prefix of its keys by equal values, optionally with bounds on the next key
 * ({@link IndexScan}), and returns the positions of that part of the map, a superset of the matching documents: the
 * library applies the whole query, sort, skip and limit again to the documents at those positions. It never returns a
 * position from {@link #getPosition}, so the library always takes a document's position from a unique index.
 *
 * <p>The embedded store's position of a document is its {@code _id} (H2Collection), which is how {@link #remove} finds
 * a document's entries without the position being passed.
 */
final class SecondaryIndex extends Index<Object> {

  /** How many keys a scan reads at most when choosing between two indexes. */
  static final int ESTIMATE_CAP = 64;

  private static final String ID = "_id";

  private final MVMap<KeyValue, Object> map;
  private final IndexKeyType order = new IndexKeyType();
  private final Runnable onDrop;
  private final Supplier<List<Index<Object>>> siblings;
  private long keysRead;

  /**
   * @param siblings the indexes of the same collection: the library takes the first index that can handle a query,
   *     so this one declines a query another secondary index serves better ({@link #canHandle})
   */
  SecondaryIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse, Runnable onDrop,
      Supplier<List<Index<Object>>> siblings) {
    super(name, keys, sparse);
    this.map = map;
    this.onDrop = onDrop;
    this.siblings = siblings;
  }

  @Override
  public Object getPosition(Document document) {
    return null;
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    getKeyValues(document); // fails on parallel arrays, as the library's indexes do
  }

  @Override
  public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
    for (KeyValue entry : entries(document, position)) {
      map.put(entry, Boolean.TRUE);
    }
  }

  @Override
  public synchronized Object remove(Document document) {
    Object position = document.get(ID);
    for (KeyValue entry : entries(document, position)) {
      map.remove(entry);
    }
    return position;
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    getKeyValues(newDocument);
  }

  @Override
  public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    // Compares the entries, not the library's keys: a document with an empty array in an indexed field has no keys
    // at all, before and after a change of its other indexed fields, yet has an entry (see keyValuesBesideEmptyArrays).
    List<KeyValue> before = entries(oldDocument, position);
    List<KeyValue> after = entries(newDocument, position);
    if (!Set.copyOf(before).equals(Set.copyOf(after))) {
      for (KeyValue entry : before) {
        map.remove(entry);
      }
      for (KeyValue entry : after) {
        map.put(entry, Boolean.TRUE);
      }
    }
  }

  /**
   * Whether this index serves {@code query} and no other index of the collection serves it better: a unique one that
   * finds its one document ({@link UniqueLookup}), or a secondary one that constrains more of its keys, or as many but
   * with fewer entries in its range (counted up to {@link #ESTIMATE_CAP}; a tie goes to the index declared first).
   */
  @Override
  public boolean canHandle(Document query) {
    Optional<IndexScan> mine = IndexScan.of(keys(), query);
    if (mine.isEmpty()) {
      return false;
    }
    Long myEstimate = null;
    for (Index<Object> other : siblings.get()) {
      if (other instanceof KeyOrderedUniqueIndex unique && unique.findsOne(query)) {
        return false; // that index finds the query's one document, wherever it stands in the list (ADR 80)
      }
      if (other == this || !(other instanceof SecondaryIndex sibling)) {
        continue;
      }
      Optional<IndexScan> theirs = IndexScan.of(sibling.keys(), query);
      if (theirs.isEmpty()) {
        continue;
      }
      int byWeight = Integer.compare(theirs.get().weight(), mine.get().weight());
      if (byWeight > 0) {
        return false;
      }
      if (byWeight == 0) {
        myEstimate = myEstimate == null ? estimate(mine.get()) : myEstimate;
        long their = sibling.estimate(theirs.get());
        List<Index<Object>> all = siblings.get();
        if (their < myEstimate || their == myEstimate && all.indexOf(sibling) < all.indexOf(this)) {
          return false;
        }
      }
    }
    return true;
  }

  private synchronized long estimate(IndexScan scan) {
    return positions(scan, ESTIMATE_CAP).size();
  }

  @Override
  public synchronized Iterable<Object> getPositions(Document query) {
    return positions(IndexScan.of(keys(), query).orElseThrow(), Integer.MAX_VALUE);
  }

  /**
   * The positions of the entries {@code scan} covers, at most {@code cap} of them, each once: a document with an
   * indexed array has one entry per element, and the library would return it once per position.
   */
  private Set<Object> positions(IndexScan scan, int cap) {
    List<Object> prefix = scan.prefix();
    Set<Object> positions = new LinkedHashSet<>();
    IndexScan.Bounds bounds = scan.bounds();
    if (bounds == null) {
      collect(start(prefix, null), prefix, value -> true, positions, cap);
    } else if (bounds.numbers()) {
      double lower = bounds.lower() == null ? Double.NEGATIVE_INFINITY
          : Math.nextDown(((Number) bounds.lower()).doubleValue());
      double upper = bounds.upper() == null ? Double.NaN : Math.nextUp(((Number) bounds.upper()).doubleValue());
      collect(start(prefix, lower), prefix,
          value -> value instanceof Double d && !d.isNaN() && (bounds.upper() == null || d <= upper), positions, cap);
      // NaN (last in this order, but the matcher finds it below every number) and the longs a double cannot hold
      // (few, and compared by the matcher in its own way): all of them, a superset.
      collect(start(prefix, Double.NaN), prefix, value -> value instanceof Double d && d.isNaN(), positions, cap);
      collect(start(prefix, Long.MIN_VALUE), prefix, Long.class::isInstance, positions, cap);
    } else {
      String lower = bounds.lower() == null ? "" : (String) bounds.lower();
      String upper = (String) bounds.upper();
      collect(start(prefix, lower), prefix,
          value -> value instanceof String s && (upper == null || s.compareTo(upper) <= 0), positions, cap);
    }
    return positions;
  }

  /** The least key of the part of the map with {@code prefix}, then {@code next} if it is not {@code null}. */
  private static KeyValue start(List<Object> prefix, Object next) {
    List<Object> values = new ArrayList<>(prefix);
    if (next != null) {
      values.add(next);
    }
    return new KeyValue(values);
  }

  /** Adds the positions of the keys from {@code from} on while they have {@code prefix} and the next value fits. */
  private void collect(KeyValue from, List<Object> prefix, Predicate<Object> fits, Set<Object> positions,
      int cap) {
    for (Cursor<KeyValue, Object> cursor = map.cursor(from); cursor.hasNext(); ) {
      if (positions.size() >= cap) {
        return;
      }
      KeyValue key = cursor.next();
      keysRead++;
      if (!hasPrefix(key, prefix) || !fits.test(key.get(prefix.size()))) {
        return;
      }
      positions.add(key.get(key.size() - 1));
    }
  }

  private boolean hasPrefix(KeyValue key, List<Object> prefix) {
    for (int i = 0; i < prefix.size(); i++) {
      if (order.compareValues(key.get(i), prefix.get(i)) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The map keys of {@code document} at {@code position}: none if the index is sparse and it has no indexed field. */
  private List<KeyValue> entries(Document document, Object position) {
    if (isSparse() && keys().stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing)) {
      return List.of();
    }
    Set<KeyValue> values = getKeyValues(document);
    if (values.isEmpty()) {
      values = keyValuesBesideEmptyArrays(document);
    }
    List<KeyValue> entries = new ArrayList<>(values.size());
    for (KeyValue value : values) {
      List<Object> entry = new ArrayList<>(value.size() + 1);
      value.forEach(entry::add);
      entry.add(position);
      entries.add(new KeyValue(entry));
    }
    return entries;
  }

  /**
   * The library makes no key for a document with an empty array in an indexed field (its product of the fields'
   * values is empty), yet the matcher finds such a document by its other fields. Here the empty array counts as
   * {@code null}, which no equal value or bound this index serves matches, and the (at most one: parallel arrays are
   * refused before) other array gives one key per element, as the library's keys do.
   */
  private Set<KeyValue> keyValuesBesideEmptyArrays(Document document) {
    List<Object> values = new ArrayList<>();
    int array = -1;
    for (String key : keys()) {
      Object value = new KeyValue(Collections.singletonList(Utils.getSubdocumentValueCollectionAware(document, key)))
          .normalized().get(0);
      if (value instanceof Collection<?> collection && collection.isEmpty()) {
        value = null;
      } else if (value instanceof Collection<?>) {
        array = values.size();
      }
      values.add(value);
    }
    if (array < 0) {
      return Set.of(new KeyValue(values));
    }
    Set<KeyValue> keys = new LinkedHashSet<>();
    for (Object element : (Collection<?>) values.get(array)) {
      List<Object> key = new ArrayList<>(values);
      key.set(array, element);
      keys.add(new KeyValue(key));
    }
    return keys;
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

  @Override
  public void drop() {
    onDrop.run();
  }

  /** How many map keys {@link #getPositions} has read since this index was opened (tests bound it). */
  synchronized long keysRead() {
    return keysRead;
  }
}
