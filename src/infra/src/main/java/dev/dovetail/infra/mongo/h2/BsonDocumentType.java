package dev.dovetail.infra.mongo.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collection maps (ADR 76): a document is written as {@link #MARKER} and then
 * its BSON, by mongo-java-server's own wire encoder, instead of by Java serialisation. A document that BSON would not
 * give back exactly ({@link ExactBson}) and any other value are written as H2's {@link ObjectDataType} writes them,
 * and a value without the marker is read by it: so the maps written before open as they are, old and new values mix
 * in one page, and every page is in the new form once it is written again anyway.
 *
 * <p>The marker is a byte {@link ObjectDataType} never writes first: its first byte is a type tag in 0..19, 32..49
 * or 64..119 (H2 2.3.232), and its reader rejects a negative byte ({@code BsonDocumentTypeTest} checks both).
 *
 * <p>A document's memory (page splits and the page cache count it) is estimated from its fields
 * ({@link DocumentMemory}), not from its BSON, which is far smaller than the Java serialisation H2 estimated from.
 */
public final class BsonDocumentType extends ObjectDataType {

  /** The first byte of a value written as BSON. */
  static final byte MARKER = (byte) 0xBD;

  /**
   * The store version of a file whose collection maps may hold BSON values (after {@link IndexKeyMigration}'s); a file
   * is now raised past it ({@link IndexKeyMigration#ENCODED_KEYS_VERSION}).
   */
  public static final int BSON_VALUES_VERSION = 2;

  /** The prefix H2Database gives the name of a collection's data map, before the collection's namespace. */
  static final String DATA_MAP_PREFIX = "databases.";

  /** Larger encode buffers are not kept between writes. */
  private static final int KEPT_BUFFER_BYTES = 1 << 20;

  private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

  /**
   * Opens the data map {@code name} with this value type, before the library's {@code openMap} (same name) returns it
   * as it is; fails if it was opened before with another type.
   */
  static MVMap<Object, Document> openDataMap(MVStore store, String name) {
    MVMap<Object, Document> map = store.openMap(name,
        new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
    Object valueType = map.getValueType();
    if (!(valueType instanceof BsonDocumentType)) {
      throw new IllegalStateException("data map " + name + " was opened before with another value type");
    }
    return map;
  }

  @Override
  public void write(WriteBuffer buff, Object value) {
    if (value instanceof Document document && document.getClass() == Document.class
        && ExactBson.roundTrips(document) && writeBson(buff, document)) {
      return;
    }
    super.write(buff, value);
  }

  private boolean writeBson(WriteBuffer buff, Document document) {
    ByteBuf bson = BUFFERS.get();
    try {
      bson.clear();
      BsonEncoder.encodeDocument(document, bson);
      int size = bson.readableBytes();
      if (size > BsonConstants.MAX_BSON_OBJECT_SIZE) {
        return false; // the decoder would refuse it
      }
      buff.put(MARKER).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
      return true;
    } finally {
      if (bson.capacity() > KEPT_BUFFER_BYTES) {
        BUFFERS.remove();
      }
    }
  }

  @Override
  public Object read(ByteBuffer buff) {
    int start = buff.position();
    if (buff.get(start) != MARKER) {
      return super.read(buff);
    }
    int size = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
    ByteBuffer bson = buff.duplicate();
    bson.position(start + 1).limit(start + 1 + size);
    Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    buff.position(start + 1 + size);
    return document;
  }

  @Override
  public int getMemory(Object value) {
    if (value instanceof Document document) {
      return DocumentMemory.of(document);
    }
    return super.getMemory(value);
  }
}
