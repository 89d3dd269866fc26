package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * How {@link IndexKeyType} writes a unique-index key (ADR 79): {@link #MARKER}, the number of elements, then each
 * element as a tag and its value, instead of the key's Java serialisation (class descriptors and all, at every page
 * write and read).
 *
 * <p>Only keys whose every element is exactly one of the classes below are written so; any other key is left to
 * {@link ObjectDataType}, and a key read back is equal to the one written, element by element and class by class. The
 * marker is a byte {@code ObjectDataType} never writes first (as {@link BsonDocumentType#MARKER}, whose test checks
 * both), so keys written before, and keys this class declines, are read by {@code ObjectDataType} as they always were.
 */
final class KeyValueEncoding {

  /** The first byte of a key written here. */
  static final byte MARKER = (byte) 0xBE;

  private static final byte NULL = 0;
  private static final byte MISSING = 1;
  private static final byte DOUBLE = 2;
  private static final byte LONG = 3;
  private static final byte INTEGER = 4;
  private static final byte STRING = 5;
  private static final byte FALSE = 6;
  private static final byte TRUE = 7;
  private static final byte INSTANT = 8;
  private static final byte OBJECT_ID = 9;
  private static final int OBJECT_ID_BYTES = 12;

  private KeyValueEncoding() {
  }

  /**
   * Writes {@code key} here and returns true, or returns false with {@code buff} as it was if an element is of a class
   * not written here (the caller then writes the key another way).
   */
  static boolean write(WriteBuffer buff, KeyValue key) {
    int start = buff.position();
    buff.put(MARKER).putVarInt(key.size());
    for (Object element : key) {
      byte tag = tag(element);
      if (tag < 0) {
        buff.position(start);
        return false;
      }
      buff.put(tag);
      switch (tag) {
        case DOUBLE -> buff.putDouble((Double) element);
        case LONG -> buff.putVarLong((Long) element);
        case INTEGER -> buff.putVarInt((Integer) element);
        case STRING -> StringDataType.INSTANCE.write(buff, (String) element);
        case INSTANT -> buff.putVarLong(((Instant) element).getEpochSecond()).putVarInt(((Instant) element).getNano());
        case OBJECT_ID -> buff.put(((ObjectId) element).toByteArray());
        default -> { } // the tag is the value
      }
    }
    return true;
  }

  /** Reads a key written by {@link #write}, {@code buff} at its marker. */
  static KeyValue read(ByteBuffer buff) {
    buff.get(); // the marker
    int size = DataUtils.readVarInt(buff);
    List<Object> elements = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      byte tag = buff.get();
      elements.add(switch (tag) {
        case NULL -> null;
        case MISSING -> Missing.getInstance();
        case DOUBLE -> buff.getDouble();
        case LONG -> DataUtils.readVarLong(buff);
        case INTEGER -> DataUtils.readVarInt(buff);
        case STRING -> DataUtils.readString(buff);
        case FALSE -> Boolean.FALSE;
        case TRUE -> Boolean.TRUE;
        case INSTANT -> Instant.ofEpochSecond(DataUtils.readVarLong(buff), DataUtils.readVarInt(buff));
        case OBJECT_ID -> {
          byte[] id = new byte[OBJECT_ID_BYTES];
          buff.get(id);
          yield new ObjectId(id);
        }
        default -> throw new IllegalStateException("unknown index key element tag " + tag);
      });
    }
    return new KeyValue(elements);
  }

  /**
   * The key's estimated heap bytes, for the page splits and the page cache; the elements as {@link DocumentMemory}
   * counts a list's.
   */
  static int memory(KeyValue key) {
    return DocumentMemory.ofElements(key);
  }

  /** The element's tag, or -1 for a class not written here (exact classes: a subclass is not written here). */
  private static byte tag(Object element) {
    if (element == null) {
      return NULL;
    }
    Class<?> type = element.getClass();
    if (type == String.class) {
      return STRING;
    } else if (type == Long.class) {
      return LONG;
    } else if (type == Integer.class) {
      return INTEGER;
    } else if (type == Double.class) {
      return DOUBLE;
    } else if (type == Boolean.class) {
      return (Boolean) element ? TRUE : FALSE;
    } else if (type == Instant.class) {
      return INSTANT;
    } else if (type == ObjectId.class) {
      return OBJECT_ID;
    } else if (type == Missing.class) {
      return MISSING;
    }
    return -1;
  }
}
