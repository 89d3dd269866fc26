package dev.dovetail.infra.mongo.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * {@link BsonDocumentType} gives back random nested documents equal to those written, every value of the same Java
 * class: as BSON when every value round-trips exactly, else (a date, an instant with nanoseconds, a lone surrogate, a
 * NUL in a field name, a set, {@code Missing}) in Java serialisation; and several values written one after the other,
 * in either form and mixed with values H2's {@link ObjectDataType} wrote, are read back in order, as in a page.
 */
@Label("Documents written as BSON")
class BsonDocumentTypeProperties {

  private final BsonDocumentType type = new BsonDocumentType();

  @Provide
  Arbitrary<Object> exactScalars() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF').ofMaxLength(12)
            .map(s -> (Object) s),
        Arbitraries.of("", "prov-1", "é", "日本", "\uD83D\uDE00", "a\0b").map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_999L)
            .map(ms -> (Object) Instant.ofEpochMilli(ms)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(bytes -> (Object) new ObjectId(pad(bytes))),
        Arbitraries.longs().map(bits -> (Object) new UUID(bits, ~bits * 31)),
        Arbitraries.longs().map(bits -> (Object) new LegacyUUID(bits, bits ^ 0x5555L)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(bytes -> (Object) new BinData(bytes)),
        Arbitraries.longs().map(v -> (Object) new BsonTimestamp(v)),
        Arbitraries.bigIntegers().between(java.math.BigInteger.valueOf(-1_000_000_000_000L),
            java.math.BigInteger.valueOf(1_000_000_000_000L)).map(v -> (Object) new Decimal128(new BigDecimal(v, 3))),
        Arbitraries.strings().ofMaxLength(8).map(code -> (Object) new BsonJavaScript(code)),
        Arbitraries.of(MinKey.getInstance(), MaxKey.getInstance()),
        Arbitraries.just(null));
  }

  /** Values BSON would not give back exactly: the document holding one is written the old way. */
  @Provide
  Arbitrary<Object> inexactScalars() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1L << 40).map(ms -> (Object) new Date(ms)),
        Arbitraries.integers().between(1, 999_999).map(nanos -> (Object) Instant.ofEpochSecond(1_700_000_000L, nanos)),
        Arbitraries.of("\uD800", "a\uDC00b", "\uDE00\uD83D").map(s -> (Object) s),
        Arbitraries.just(Missing.getInstance()),
        Arbitraries.of(1, 2).map(i -> (Object) new LinkedHashSet<>(List.of("x", "y" + i))));
  }

  private static final int DEPTH = 3;

  private Arbitrary<Object> exactValues(int depth) {
    if (depth == 0) {
      return exactScalars();
    }
    return Arbitraries.frequencyOf(Tuple.of(4, exactScalars()),
        Tuple.of(1, documents(exactValues(depth - 1), names())), Tuple.of(1, lists(exactValues(depth - 1))));
  }

  private Arbitrary<Object> anyValues(int depth) {
    if (depth == 0) {
      return Arbitraries.frequencyOf(Tuple.of(3, exactScalars()), Tuple.of(1, inexactScalars()));
    }
    return Arbitraries.frequencyOf(Tuple.of(3, exactScalars()), Tuple.of(1, inexactScalars()),
        Tuple.of(1, documents(anyValues(depth - 1), anyNames())), Tuple.of(1, lists(anyValues(depth - 1))));
  }

  private static Arbitrary<String> names() {
    return Arbitraries.oneOf(Arbitraries.of("_id", "a", "b", "at", "é", "x.y", "$k"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
  }

  /** Field names also with a NUL or a lone surrogate, which BSON cannot carry. */
  private static Arbitrary<String> anyNames() {
    return Arbitraries.frequencyOf(Tuple.of(9, names()), Tuple.of(1, Arbitraries.of("n\0ul", "\uDBFF")));
  }

  private static Arbitrary<Object> documents(Arbitrary<Object> values, Arbitrary<String> names) {
    return Combinators.combine(names, values).as(SimpleEntry::new).list().ofMaxSize(5).map(fields -> {
      Document d = new Document();
      fields.forEach(field -> d.put(field.getKey(), field.getValue()));
      return (Object) d;
    });
  }

  private static Arbitrary<Object> lists(Arbitrary<Object> values) {
    return values.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
  }

  @Provide
  Arbitrary<Document> exactDocuments() {
    return documents(exactValues(DEPTH), names()).map(Document.class::cast);
  }

  @Provide
  Arbitrary<Document> anyDocuments() {
    return documents(anyValues(DEPTH), anyNames()).map(Document.class::cast);
  }

  @Provide
  Arbitrary<List<Document>> documentLists() {
    return anyDocuments().list().ofMaxSize(8);
  }

  @Property(tries = 1000)
  @Label("a document of exactly round-tripping values is written as BSON and read back equal, class by class")
  void exactDocumentsRoundTripAsBson(@ForAll("exactDocuments") Document document) {
    WriteBuffer out = new WriteBuffer();
    type.write(out, document);
    ByteBuffer bytes = out.getBuffer().flip();
    assertThat(bytes.get(0)).as("written as BSON: %s", document).isEqualTo(BsonDocumentType.MARKER);
    Object read = type.read(bytes);
    assertThat(bytes.hasRemaining()).isFalse();
    assertThat(read).isEqualTo(document);
    assertSameValue(read, document, "");
  }

  @Property(tries = 500)
  @Label("any document is read back equal, class by class; one BSON would change is written as before")
  void anyDocumentRoundTrips(@ForAll("anyDocuments") Document document) {
    WriteBuffer out = new WriteBuffer();
    type.write(out, document);
    ByteBuffer bytes = out.getBuffer().flip();
    boolean exact = ExactBson.roundTrips(document);
    if (!exact) {
      WriteBuffer old = new WriteBuffer();
      new ObjectDataType().write(old, document);
      assertThat(bytes).as("written as ObjectDataType writes it").isEqualTo(old.getBuffer().flip());
    }
    assertSameValue(type.read(bytes), document, "");
  }

  @Property(tries = 200)
  @Label("values written one after another, as BSON, the old way and by ObjectDataType itself, read back in order")
  void mixedValuesReadBackInOrder(@ForAll("documentLists") List<Document> documents) {
    WriteBuffer out = new WriteBuffer();
    ObjectDataType old = new ObjectDataType();
    for (int i = 0; i < documents.size(); i++) {
      if (i % 3 == 2) {
        old.write(out, documents.get(i)); // as a page written before ADR 76 holds it
      } else {
        type.write(out, documents.get(i));
      }
    }
    ByteBuffer bytes = out.getBuffer().flip();
    for (Document document : documents) {
      assertSameValue(type.read(bytes), document, "");
    }
    assertThat(bytes.hasRemaining()).isFalse();
  }

  /**
   * Equal value by value and of the same class (a list may come back as another List). {@code MinKey}, {@code MaxKey}
   * and {@code Missing} have no {@code equals} and Java serialisation gives new instances of them (BSON gives back
   * {@code MinKey}'s and {@code MaxKey}'s single instances): of these only the class is compared.
   */
  static void assertSameValue(Object actual, Object expected, String path) {
    if (expected == null) {
      assertThat(actual).as("value at %s", path).isNull();
    } else if (expected instanceof List<?> list) {
      assertThat(actual).as("list at %s", path).isInstanceOf(List.class);
      List<?> read = (List<?>) actual;
      assertThat(read).as("list at %s", path).hasSameSizeAs(list);
      for (int i = 0; i < list.size(); i++) {
        assertSameValue(read.get(i), list.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(actual).as("value at %s", path).isNotNull();
      assertThat(actual.getClass()).as("class at %s", path).isEqualTo(expected.getClass());
      if (expected instanceof Document document) {
        Document read = (Document) actual;
        assertThat(read.keySet()).as("field order at %s", path).containsExactlyElementsOf(document.keySet());
        for (Map.Entry<String, Object> field : document.entrySet()) {
          assertSameValue(read.get(field.getKey()), field.getValue(), path + "." + field.getKey());
        }
      } else if (!(expected instanceof MinKey || expected instanceof MaxKey || expected instanceof Missing)) {
        assertThat(actual).as("value at %s", path).isEqualTo(expected);
      }
    }
  }

  private static byte[] pad(byte[] bytes) {
    byte[] twelve = new byte[12];
    System.arraycopy(bytes, 0, twelve, 0, bytes.length);
    return twelve;
  }
}
