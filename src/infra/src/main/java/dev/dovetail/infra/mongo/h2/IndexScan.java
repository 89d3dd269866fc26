package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The part of a query a {@link SecondaryIndex} serves (ADR 75): equal values on a leading prefix of its keys, then
 * optionally bounds on the next key, all of one kind (numbers or strings). Every other condition of the query is left
 * to the library, which applies the whole query again to the documents at the positions the index returns; so this
 * may describe a superset of the matching documents, never a subset.
 *
 * <p>Values are normalised as the library normalises index keys ({@link KeyValue#normalized}): numbers become
 * {@code Double}s, except longs a double cannot hold, which stay {@code Long}s. An equal value is accepted only if it
 * is of a type whose normalised form equals exactly the normalised forms the library's matcher finds equal (string,
 * number, boolean, date, ObjectId, UUID); {@code null}, documents, arrays, regular expressions and operators other
 * than the four bounds end the prefix.
 *
 * @param prefix the normalised equal values of the first {@code prefix.size()} keys
 * @param bounds the bounds on the next key, or {@code null} if there are none
 */
record IndexScan(List<Object> prefix, Bounds bounds) {

  private static final Set<String> LOWER = Set.of("$gt", "$gte");
  private static final Set<String> UPPER = Set.of("$lt", "$lte");

  /**
   * Bounds of one kind, inclusive (an exclusive bound only makes the answer a superset).
   *
   * @param numbers whether the bounds are numbers (else strings)
   * @param lower the least lower bound, or {@code null} if none
   * @param upper the greatest upper bound, or {@code null} if none
   */
  record Bounds(boolean numbers, Object lower, Object upper) {
  }

  /** How much of the index this scan narrows: two per equal key, one for bounds on the next. */
  int weight() {
    return 2 * prefix.size() + (bounds == null ? 0 : 1);
  }

  /** What {@code query} asks of {@code keys}, or empty if it constrains not even the first key usably. */
  static Optional<IndexScan> of(List<String> keys, Document query) {
    List<Object> prefix = new ArrayList<>();
    for (String key : keys) {
      if (!query.containsKey(key)) {
        break;
      }
      Object value = query.get(key);
      Object equal = normalised(value);
      if (isEqualityValue(equal)) {
        prefix.add(equal);
        continue;
      }
      Bounds bounds = value instanceof Document condition ? bounds(condition) : null;
      return bounds == null && prefix.isEmpty() ? Optional.empty() : Optional.of(new IndexScan(prefix, bounds));
    }
    return prefix.isEmpty() ? Optional.empty() : Optional.of(new IndexScan(prefix, null));
  }

  private static boolean isEqualityValue(Object value) {
    return value instanceof String || value instanceof Double || value instanceof Long || value instanceof Boolean
        || value instanceof Instant || value instanceof ObjectId || value instanceof UUID;
  }

  /** Bounds if {@code condition} holds only $gt, $gte, $lt, $lte, all numbers (not NaN) or all strings. */
  private static Bounds bounds(Document condition) {
    if (condition.isEmpty()) {
      return null;
    }
    boolean numbers = condition.values().stream().allMatch(v -> v instanceof Number n && !Double.isNaN(n.doubleValue()));
    boolean strings = condition.values().stream().allMatch(String.class::isInstance);
    if (!numbers && !strings) {
      return null;
    }
    Object lower = null;
    Object upper = null;
    for (String operator : condition.keySet()) {
      Object bound = normalised(condition.get(operator));
      if (LOWER.contains(operator)) {
        lower = lower == null || compare(bound, lower) < 0 ? bound : lower;
      } else if (UPPER.contains(operator)) {
        upper = upper == null || compare(bound, upper) > 0 ? bound : upper;
      } else {
        return null;
      }
    }
    return new Bounds(numbers, lower, upper);
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((String) a).compareTo((String) b);
  }

  private static Object normalised(Object value) {
    return new KeyValue(Collections.singletonList(value)).normalized().get(0);
  }
}
