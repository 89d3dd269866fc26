package dev.dovetail.infra.mongo.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * {@link IndexKeyType} orders random index keys of mixed types totally and consistently with {@code KeyValue.equals},
 * and a key read back from its stored bytes (ADR 79's encoding, or H2's for keys before it) is equal to the key written. Values come from small pools, so equal
 * keys built separately are frequent.
 */
@Label("The index key order")
class IndexKeyTypeProperties {

  /** The element classes {@link KeyValueEncoding} writes (ADR 79); a key with any other is written by H2. */
  private static final Set<Class<?>> ENCODED = Set.of(Missing.class, Double.class, Long.class, Integer.class,
      String.class, Boolean.class, Instant.class, ObjectId.class);

  private final IndexKeyType order = new IndexKeyType();

  @Provide
  Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "a", "b", "ab", "prov-1", "é", "Z").map(s -> (Object) new String(s)), // fresh instances
        Arbitraries.of(0.0, -0.0, 1.0, -1.5, 1e15, Double.NaN, Double.POSITIVE_INFINITY).map(d -> (Object) d),
        Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, 9_007_199_254_740_993L).map(l -> (Object) l),
        Arbitraries.of(0, 1, -1, Integer.MIN_VALUE).map(i -> (Object) i),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.of(0L, 1L, 1_700_000_000_000L).map(ms -> (Object) Instant.ofEpochMilli(ms)),
        Arbitraries.of(0L, 1L, 1_700_000_000_000L).map(ms -> (Object) new Date(ms)),
        Arbitraries.of("000000000000000000000001", "65a0f0f0f0f0f0f0f0f0f0f0", "ffffffffffffffffffffffff")
            .map(hex -> (Object) new ObjectId(hex)),
        Arbitraries.of(0L, 1L, -1L).map(bits -> (Object) new UUID(bits, ~bits)),
        Arbitraries.just(Missing.getInstance()),
        Arbitraries.just(null),
        // the fallback rank: compared by class name, then as H2 compares them
        Arbitraries.of(new byte[0], new byte[] {1}, new byte[] {1, 2}).map(b -> (Object) new BinData(b.clone())),
        Arbitraries.of(0L, 1L).map(bits -> (Object) new LegacyUUID(bits, bits)),
        Arbitraries.of(0L, 5L).map(v -> (Object) new BsonTimestamp(v)));
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.lazyOf(this::scalars, this::scalars, this::scalars, this::documents, this::lists);
  }

  Arbitrary<Object> documents() {
    return Arbitraries.of("a", "b", "c").list().uniqueElements().ofMaxSize(3).flatMap(names ->
        values().list().ofSize(names.size()).map(vals -> {
          Document d = new Document();
          for (int i = 0; i < names.size(); i++) {
            d.put(names.get(i), vals.get(i));
          }
          return (Object) d;
        }));
  }

  Arbitrary<Object> lists() {
    return values().list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l));
  }

  @Provide
  Arbitrary<KeyValue> keys() {
    return values().list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
  }

  @Provide
  Arbitrary<List<KeyValue>> keyLists() {
    return keys().list().ofMaxSize(30);
  }

  @Property(tries = 1000)
  @Label("compares two keys as 0 exactly when they are equal, and antisymmetrically")
  void consistentWithEqualsAndAntisymmetric(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
    int ab = order.compare(a, b);
    assertThat(ab == 0).as("%s against %s", a, b).isEqualTo(a.equals(b));
    assertThat(Integer.signum(order.compare(b, a))).as("%s against %s", b, a).isEqualTo(-Integer.signum(ab));
    assertThat(order.compare(a, new KeyValue(copy(a)))).isZero();
  }

  @Property(tries = 200)
  @Label("is transitive: after sorting, every key is at most every key after it")
  void transitive(@ForAll("keyLists") List<KeyValue> keys) {
    List<KeyValue> sorted = new ArrayList<>(keys);
    sorted.sort(order);
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        assertThat(order.compare(sorted.get(i), sorted.get(j))).as("%s then %s", sorted.get(i), sorted.get(j))
            .isLessThanOrEqualTo(0);
      }
    }
  }

  @Property(tries = 500)
  @Label("reads a key back equal to the one written, element by element and class by class, and to the end")
  void storedBytesReadBackEqual(@ForAll("keys") KeyValue key) {
    WriteBuffer mine = new WriteBuffer();
    order.write(mine, key);
    mine.putInt(0x5EA1ED); // what follows the key in a page
    ByteBuffer bytes = mine.getBuffer().flip();
    boolean encoded = bytes.get(0) == KeyValueEncoding.MARKER;
    assertThat(encoded).as("encoded: %s", key)
        .isEqualTo(key.stream().allMatch(element -> element == null || ENCODED.contains(element.getClass())));
    KeyValue back = (KeyValue) order.read(bytes);
    assertThat(bytes.getInt()).isEqualTo(0x5EA1ED);
    assertThat(order.compare(key, back)).isZero();
    if (encoded) { // a Java-serialised Missing, BinData, ... is another instance that equals nothing but itself
      assertThat(back).isEqualTo(key);
      for (int i = 0; i < key.size(); i++) {
        assertThat(classOf(back.get(i))).isEqualTo(classOf(key.get(i)));
      }
    }
  }

  @Property(tries = 300)
  @Label("reads a key H2's ObjectDataType wrote (every key before ADR 79) as that type reads it")
  void readsKeysWrittenBefore(@ForAll("keys") KeyValue key) {
    WriteBuffer h2s = new WriteBuffer();
    new ObjectDataType().write(h2s, key);
    assertThat(order.compare(key, order.read(h2s.getBuffer().flip()))).isZero();
  }

  private static Class<?> classOf(Object value) {
    return value == null ? null : value.getClass();
  }

  private static List<Object> copy(KeyValue key) {
    List<Object> values = new ArrayList<>();
    key.forEach(values::add);
    return values;
  }
}
