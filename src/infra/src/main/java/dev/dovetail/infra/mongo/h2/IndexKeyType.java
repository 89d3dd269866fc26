package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique-index maps (ADR 72): H2's {@link ObjectDataType} with another order,
 * and (ADR 79) keys written by {@link KeyValueEncoding} instead of Java-serialised; keys written before, and any key
 * that encoding declines, are written and read as {@code ObjectDataType} does.
 *
 * <p>mongo-java-server's index keys are {@link KeyValue}s, which are neither {@code Comparable} nor a type H2 knows, so
 * H2 compares them by Java-serialising both sides at every step of every B-tree search. Here they are compared element
 * by element, each element by a type rank and then by the natural order of its type:
 * <ol>
 *   <li>{@code null}, then {@link Missing} (every instance equal to every other, as their serialised forms were);
 *   <li>{@code Double}, {@code Long}, {@code Integer}, each its own rank (an index holds {@code Double}s and the longs
 *       a double cannot represent exactly, as {@code Utils.normalizeValue} makes them; a {@code Long} never
 *       {@code equals} a {@code Double}, so the ranks only have to keep them apart);
 *   <li>{@code String}, {@code Boolean}, {@link Instant} (BSON dates), {@link Date}, {@link ObjectId}, {@link UUID};
 *   <li>{@link Document}: entry by entry in field order (name, then value), then the shorter first, as
 *       {@code Document.equals} is sensitive to field order; {@link List}: element by element, then the shorter first;
 *   <li>anything else: by class name, then as {@link ObjectDataType} compares two objects of one class (for a class
 *       that is not {@code Comparable}, their serialised bytes).
 * </ol>
 * Exact classes are tested ({@code getClass() ==}), so a subclass falls through to the last rank and its own
 * {@code equals} is never second-guessed. For every rank but the last, {@code compare(a, b) == 0} exactly when
 * {@code a.equals(b)}; a unique index relies only on that and on the order being total.
 */
public final class IndexKeyType extends ObjectDataType {

  // The ranks, in order; KeyValueEncoding (ADR 79) writes them as its element tags, so they are on disk twice over.
  static final int NULL = 0;
  static final int MISSING = 1;
  static final int DOUBLE = 2;
  static final int LONG = 3;
  static final int INTEGER = 4;
  static final int STRING = 5;
  static final int BOOLEAN = 6;
  static final int INSTANT = 7;
  static final int DATE = 8;
  static final int OBJECT_ID = 9;
  static final int UUID_RANK = 10;
  static final int DOCUMENT = 11;
  static final int LIST = 12;
  static final int OTHER = 13;

  @Override
  public void write(WriteBuffer buff, Object key) {
    if (!(key instanceof KeyValue value && KeyValueEncoding.write(buff, value))) {
      super.write(buff, key);
    }
  }

  @Override
  public Object read(ByteBuffer buff) {
    return buff.get(buff.position()) == KeyValueEncoding.MARKER ? KeyValueEncoding.read(buff) : super.read(buff);
  }

  /** A key's estimated heap ({@link KeyValueEncoding#memory}); H2's is an average of serialised sizes it no longer sees. */
  @Override
  public int getMemory(Object key) {
    return key instanceof KeyValue value ? KeyValueEncoding.memory(value) : super.getMemory(key);
  }

  /** Compares two {@link KeyValue}s in this order; anything else (never an index key) as {@link ObjectDataType}. */
  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue x && b instanceof KeyValue y) {
      return compareKeys(x, y);
    }
    return super.compare(a, b);
  }

  private int compareKeys(KeyValue a, KeyValue b) {
    if (a == b) {
      return 0;
    }
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  int compareValues(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    int rank = rank(a);
    int byRank = Integer.compare(rank, rank(b));
    if (byRank != 0) {
      return byRank;
    }
    return switch (rank) {
      case NULL, MISSING -> 0;
      case DOUBLE -> Double.compare((Double) a, (Double) b);
      case LONG -> Long.compare((Long) a, (Long) b);
      case INTEGER -> Integer.compare((Integer) a, (Integer) b);
      case STRING -> ((String) a).compareTo((String) b);
      case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
      case INSTANT -> ((Instant) a).compareTo((Instant) b);
      case DATE -> Long.compare(((Date) a).getTime(), ((Date) b).getTime());
      case OBJECT_ID -> ((ObjectId) a).compareTo((ObjectId) b);
      case UUID_RANK -> ((UUID) a).compareTo((UUID) b);
      case DOCUMENT -> compareDocuments((Document) a, (Document) b);
      case LIST -> compareLists((List<?>) a, (List<?>) b);
      default -> compareOthers(a, b);
    };
  }

  /** The value's rank: its exact class, or {@link #OTHER}. */
  static int rank(Object value) {
    if (value == null) {
      return NULL;
    }
    Class<?> type = value.getClass();
    if (type == String.class) {
      return STRING;
    } else if (type == Double.class) {
      return DOUBLE;
    } else if (type == Long.class) {
      return LONG;
    } else if (type == Integer.class) {
      return INTEGER;
    } else if (type == Boolean.class) {
      return BOOLEAN;
    } else if (type == Instant.class) {
      return INSTANT;
    } else if (type == Date.class) {
      return DATE;
    } else if (type == ObjectId.class) {
      return OBJECT_ID;
    } else if (type == UUID.class) {
      return UUID_RANK;
    } else if (type == Document.class) {
      return DOCUMENT;
    } else if (value instanceof List<?>) {
      return LIST;
    } else if (type == Missing.class) {
      return MISSING;
    }
    return OTHER;
  }

  private int compareDocuments(Document a, Document b) {
    Iterator<Map.Entry<String, Object>> x = a.entrySet().iterator();
    Iterator<Map.Entry<String, Object>> y = b.entrySet().iterator();
    while (x.hasNext() && y.hasNext()) {
      Map.Entry<String, Object> p = x.next();
      Map.Entry<String, Object> q = y.next();
      int c = p.getKey().compareTo(q.getKey());
      if (c == 0) {
        c = compareValues(p.getValue(), q.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }

  private int compareLists(List<?> a, List<?> b) {
    Iterator<?> x = a.iterator();
    Iterator<?> y = b.iterator();
    while (x.hasNext() && y.hasNext()) {
      int c = compareValues(x.next(), y.next());
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }

  private int compareOthers(Object a, Object b) {
    int byClass = a.getClass().getName().compareTo(b.getClass().getName());
    return byClass != 0 ? byClass : super.compare(a, b);
  }
}
