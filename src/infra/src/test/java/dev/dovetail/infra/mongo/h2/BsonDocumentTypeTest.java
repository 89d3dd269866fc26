package dev.dovetail.infra.mongo.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marker of {@link BsonDocumentType} against H2's {@link ObjectDataType}, and a store file written before ADR 76
 * (values by {@code ObjectDataType}, as the library writes them) read and written with the new type.
 */
@DisplayName("The BSON value type of the collection maps")
class BsonDocumentTypeTest {

  private static final String MAP = BsonDocumentType.DATA_MAP_PREFIX + "dovetail.items";
  private static final int DOCS = 600;
  private static final int REWRITTEN = 40;

  @Test
  @DisplayName("uses first bytes (its own and the index keys') H2's ObjectDataType writes for no value and refuses")
  void markerIsNeverObjectDataTypesFirstByte() {
    List<Object> samples = new ArrayList<>(List.of(true, false, (byte) 3, (short) -7, 0, 15, 16, -1, 1 << 30,
        Integer.MIN_VALUE, 0L, 7L, 8L, -1L, 1L << 40, Long.MIN_VALUE, BigInteger.ZERO, BigInteger.ONE,
        BigInteger.valueOf(-5), BigInteger.TEN.pow(40), 0f, 1f, 2.5f, 0d, 1d, -2.5d, Double.NaN, BigDecimal.ZERO,
        BigDecimal.ONE, BigDecimal.valueOf(12), BigDecimal.valueOf(1234, 2), new BigDecimal("1e400"), 'x', "",
        "fifteen chars..", "a string of more than fifteen characters", UUID.randomUUID(), new Date(0),
        new byte[0], new byte[15], new byte[16], new int[] {1}, new long[] {2}, new char[] {'c'}, new String[] {"s"},
        new Object[] {1, "a"}, new boolean[] {true}, new short[] {1}, new float[] {1}, new double[] {1},
        Instant.EPOCH, new Document("a", 1), new ArrayList<>(List.of(1))));
    samples.add(null);
    ObjectDataType h2 = new ObjectDataType();
    for (Object sample : samples) {
      WriteBuffer out = new WriteBuffer();
      h2.write(out, sample);
      assertThat(out.getBuffer().get(0)).as("first byte of %s", sample)
          .isNotIn(BsonDocumentType.MARKER, KeyValueEncoding.MARKER);
    }
    for (byte marker : new byte[] {BsonDocumentType.MARKER, KeyValueEncoding.MARKER}) {
      assertThatThrownBy(() -> h2.read(ByteBuffer.wrap(new byte[] {marker, 5, 0, 0, 0, 0})))
          .isInstanceOf(MVStoreException.class);
    }
  }

  @Test
  @DisplayName("reads a map written by ObjectDataType, writes what changes as BSON, and old and new pages mix")
  void storeWrittenBeforeOpensAndMixes(@TempDir Path dir) {
    Path file = dir.resolve("store.mv.db");
    MVStore old = open(file);
    MVMap<Object, Document> written = old.openMap(MAP); // as the library's H2Database opens it
    for (long i = 0; i < DOCS; i++) {
      written.put(i, document(i, 0));
    }
    old.commit();
    old.close(0);

    MVStore store = open(file);
    MVMap<Object, Document> map = BsonDocumentType.openDataMap(store, MAP);
    assertThat(store.<Object, Document>openMap(MAP)).isSameAs(map); // the library's openMap gets this map
    for (long i = 0; i < DOCS; i++) {
      assertThat(map.get(i)).isEqualTo(document(i, 0));
    }
    for (long i = 0; i < REWRITTEN; i++) {
      map.put(i, document(i, 1));
    }
    store.commit();
    store.close(0);

    MVStore plain = open(file); // as H2's ObjectDataType alone sees it: the rewritten pages are BSON now
    MVMap<Object, Document> asBefore = plain.openMap(MAP);
    assertThat(asBefore.get(DOCS - 1L)).isEqualTo(document(DOCS - 1L, 0));
    assertThatThrownBy(() -> asBefore.get(1L)).isInstanceOf(MVStoreException.class);
    plain.closeImmediately();

    MVStore again = open(file);
    MVMap<Object, Document> reread = BsonDocumentType.openDataMap(again, MAP);
    for (long i = 0; i < DOCS; i++) {
      BsonDocumentTypeProperties.assertSameValue(reread.get(i), document(i, i < REWRITTEN ? 1 : 0), "#" + i);
    }
    again.closeImmediately();
  }

  @Test
  @DisplayName("a document larger than a sixteenth of the page cache stays in the cache once read (not decoded anew)")
  void largeDocumentStaysCached(@TempDir Path dir) {
    Path file = dir.resolve("store.mv.db");
    Document head = new Document("_id", "head").append("pending",
        new ArrayList<>(IntStream.range(0, 200_000).boxed().toList()));
    int estimatedMb = DocumentMemory.of(head) >> 20;
    assertThat(estimatedMb).as("more than a sixteenth of the cache").isGreaterThan(IndexKeyMigration.CACHE_MB / 16);
    MVStore written = IndexKeyMigration.open(file);
    BsonDocumentType.openDataMap(written, MAP).put("head", head);
    written.close();

    MVStore store = IndexKeyMigration.open(file);
    try {
      MVMap<Object, Document> map = BsonDocumentType.openDataMap(store, MAP);
      assertThat(map.get("head")).isEqualTo(head);
      assertThat(store.getCacheSizeUsed()).isGreaterThanOrEqualTo(estimatedMb);
    } finally {
      store.close();
    }
  }

  private static MVStore open(Path file) {
    return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
  }

  private static Document document(long i, int version) {
    Document doc = new Document("_id", "item-" + i);
    doc.put("version", version);
    doc.put("at", Instant.ofEpochMilli(1_700_000_000_000L + i * 60_000));
    doc.put("amount", i * 0.5);
    doc.put("count", i);
    doc.put("tags", new ArrayList<>(List.of("t" + i % 3, new Document("k", i))));
    doc.put("created", new Date(i)); // a date BSON would return as an Instant: this document stays serialised
    return i % 10 == 0 ? doc : withoutDate(doc);
  }

  private static Document withoutDate(Document doc) {
    doc.remove("created");
    return doc;
  }
}
