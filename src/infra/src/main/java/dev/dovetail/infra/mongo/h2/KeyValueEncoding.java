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
 * <p>An element's tag is its rank in {@link IndexKeyType}'s order (exact classes). Only keys whose every element is
 * {@code null}, {@code Missing}, a {@code Double}, {@code Long}, {@code Integer}, {@code String}, {@code Boolean},
 * {@code Instant} or {@code ObjectId} are written so; any other key is left to {@link ObjectDataType}, and a key read
 * back is equal to the one written, element by element and class by class. The
 * marker is a byte {@code ObjectDataType} never writes first (as {@link BsonDocumentType#MARKER}, whose test checks
 * both), so keys written before, and keys this class declines, are read by {@code ObjectDataType} as they always were.
 */
final class KeyValueEncoding {

  /** The first byte of a key written here. */
  static final byte MARKER = (byte) 0xBE;

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
      int rank = IndexKeyType.rank(element);
      buff.put((byte) rank);
      switch (rank) {
        case IndexKeyType.NULL, IndexKeyType.MISSING -> { } // the tag is the value
        case IndexKeyType.DOUBLE -> buff.putDouble((Double) element);
        case IndexKeyType.LONG -> buff.putVarLong((Long) element);
        case IndexKeyType.INTEGER -> buff.putVarInt((Integer) element);
        case IndexKeyType.STRING -> StringDataType.INSTANCE.write(buff, (String) element);
        case IndexKeyType.BOOLEAN -> buff.put((byte) ((Boolean) element ? 1 : 0));
        case IndexKeyType.INSTANT ->
            buff.putVarLong(((Instant) element).getEpochSecond()).putVarInt(((Instant) element).getNano());
        case IndexKeyType.OBJECT_ID -> buff.put(((ObjectId) element).toByteArray());
        default -> {
          buff.position(start);
          return false;
        }
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
        case IndexKeyType.NULL -> null;
        case IndexKeyType.MISSING -> Missing.getInstance();
        case IndexKeyType.DOUBLE -> buff.getDouble();
        case IndexKeyType.LONG -> DataUtils.readVarLong(buff);
        case IndexKeyType.INTEGER -> DataUtils.readVarInt(buff);
        case IndexKeyType.STRING -> DataUtils.readString(buff);
        case IndexKeyType.BOOLEAN -> buff.get() != 0;
        case IndexKeyType.INSTANT -> Instant.ofEpochSecond(DataUtils.readVarLong(buff), DataUtils.readVarInt(buff));
        case IndexKeyType.OBJECT_ID -> {
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
}
