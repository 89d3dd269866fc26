package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/**
 * A rough estimate of the heap a document takes once read (ADR 76), for {@link BsonDocumentType#getMemory}: the
 * MVStore splits a leaf page when the estimates of its values pass its page size, and its page cache counts them.
 * H2's estimate of a Java-serialised document was twice its serialised size, which for documents of this hub's kind
 * is about as large as this one; a document's BSON, a third to a fifth of that, would let pages grow larger than
 * before and the cache hold more than it says.
 */
final class DocumentMemory {

  private static final int MAP = 72; // LinkedHashMap and its table
  private static final int ENTRY = 48; // LinkedHashMap.Entry and its table slot
  private static final int STRING = 40; // String and its byte array, without the characters
  private static final int LIST = 40; // ArrayList and its array, without the slots
  private static final int SLOT = 8;
  private static final int SCALAR = 24; // a boxed number, an Instant, an ObjectId's share, ...

  private DocumentMemory() {
  }

  /** The estimated heap bytes of {@code value} and everything it holds. */
  static int of(Object value) {
    if (value == null) {
      return 0;
    } else if (value instanceof String text) {
      return STRING + text.length();
    } else if (value instanceof Map<?, ?> map) {
      int bytes = MAP;
      for (Map.Entry<?, ?> field : map.entrySet()) {
        bytes += ENTRY + of(field.getKey()) + of(field.getValue());
      }
      return bytes;
    } else if (value instanceof List<?> list) {
      return ofElements(list);
    }
    return SCALAR;
  }

  /** The same for a list of {@code elements} (an index key's, ADR 79). */
  static int ofElements(Iterable<?> elements) {
    int bytes = LIST;
    for (Object element : elements) {
      bytes += SLOT + of(element);
    }
    return bytes;
  }

  /** The same for a document. */
  static int of(Document document) {
    return of((Object) document);
  }
}
