package dev.dovetail.infra.mongo.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A {@link SecondaryIndex} on keys (a, b, c) answers random queries with a superset of what a full scan with the
 * library's own matcher finds, over random documents of mixed types (numbers of every kind including longs no double
 * holds, strings, dates, booleans, nulls, missing fields, arrays, nested arrays), after random removals and updates.
 * Queries the index declines ({@code canHandle} false) are scanned by the library and not checked here, but the
 * property also checks that the claim-style queries it must serve are accepted.
 */
@Label("The secondary index against a full scan")
class SecondaryIndexProperties {

  private static final List<String> KEYS = List.of("a", "b", "c");

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.of("", "x", "y", "xy", "PENDING", "DONE").map(s -> (Object) s),
        Arbitraries.of(0.0, -0.0, 1.0, 2.5, -1.5, 1e15, Double.NaN, Double.NEGATIVE_INFINITY).map(d -> (Object) d),
        Arbitraries.of(0L, 1L, 2L, -1L, 1_700_000_000_000L, Long.MAX_VALUE, 9_007_199_254_740_993L,
            9_007_199_254_740_992L).map(l -> (Object) l),
        Arbitraries.of(0, 1, 2, -1).map(i -> (Object) i),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.of(0L, 1L).map(ms -> (Object) Instant.ofEpochMilli(ms)),
        Arbitraries.just(null));
    Arbitrary<Object> list = scalar.list().ofMaxSize(3).map(l -> (Object) l);
    Arbitrary<Object> nested = list.list().ofMaxSize(2).map(l -> (Object) l);
    return Arbitraries.frequencyOf(Tuple.of(8, scalar), Tuple.of(2, list), Tuple.of(1, nested));
  }

  @Provide
  Arbitrary<List<Document>> documents() {
    Arbitrary<Document> document = Combinators.combine(fieldOrMissing(), fieldOrMissing(), fieldOrMissing())
        .as((a, b, c) -> {
          Document d = new Document();
          put(d, "a", a);
          put(d, "b", b);
          put(d, "c", c);
          return d;
        });
    return document.list().ofMinSize(0).ofMaxSize(40);
  }

  private Arbitrary<Object[]> fieldOrMissing() {
    return Arbitraries.oneOf(Arbitraries.just(new Object[0]), values().map(v -> new Object[] {v}));
  }

  private static void put(Document document, String key, Object[] value) {
    if (value.length == 1) {
      document.put(key, value[0]);
    }
  }

  @Provide
  Arbitrary<Document> queries() {
    Arbitrary<Object> condition = Arbitraries.oneOf(values(), bounds(), bounds());
    Arbitrary<Object[]> conditionOrNone = Arbitraries.oneOf(Arbitraries.just(new Object[0]),
        condition.map(v -> new Object[] {v}));
    return Combinators.combine(conditionOrNone, conditionOrNone, conditionOrNone, conditionOrNone)
        .as((a, b, c, other) -> {
          Document q = new Document();
          put(q, "a", a);
          put(q, "b", b);
          put(q, "c", c);
          put(q, "z", other); // a field no key names: the matcher applies it, the index ignores it
          return q;
        });
  }

  @Provide
  Arbitrary<List<Document>> queryLists() {
    return queries().list().ofMinSize(1).ofMaxSize(8);
  }

  private Arbitrary<Object> bounds() {
    Arbitrary<String> operator = Arbitraries.of("$lt", "$lte", "$gt", "$gte", "$ne");
    Arbitrary<Object> bound = values().filter(v -> !(v instanceof List<?>));
    return Combinators.combine(operator, bound, operator, bound, Arbitraries.of(true, false))
        .as((o1, v1, o2, v2, two) -> {
          Document d = new Document(o1, v1);
          if (two) {
            d.put(o2, v2);
          }
          return d;
        });
  }

  @Property(tries = 400)
  void answersASupersetOfAFullScan(@ForAll("documents") List<Document> documents,
      @ForAll("queryLists") List<Document> queriesToRun, @ForAll("values") Object replacement) {
    MVStore store = new MVStore.Builder().open();
    try {
      MVMap<KeyValue, Object> map = KeyOrderedH2Backend.openIndexMap(store, "db.c._secondary_abc");
      SecondaryIndex index = new SecondaryIndex(map, "abc",
          KEYS.stream().map(k -> new IndexKey(k, true)).toList(), false, () -> { }, List::of);
      Map<Object, Document> live = new LinkedHashMap<>();
      int id = 0;
      for (Document document : documents) {
        document.put("_id", "d" + id++);
        try {
          index.checkAdd(document, null);
        } catch (RuntimeException parallelArrays) {
          continue; // the library refuses such a document before it is stored
        }
        index.add(document, document.get("_id"), null);
        live.put(document.get("_id"), document);
      }
      mutate(index, live, replacement);
      for (Document query : queriesToRun) {
        assertSuperset(index, live, query);
      }
    } finally {
      store.close();
    }
  }

  /** Removes every third document and sets field b of every fifth, as the library calls the index for those. */
  private static void mutate(SecondaryIndex index, Map<Object, Document> live, Object replacement) {
    List<Object> ids = new ArrayList<>(live.keySet());
    for (int i = 0; i < ids.size(); i++) {
      Document document = live.get(ids.get(i));
      if (i % 3 == 1) {
        assertThat(index.remove(document)).isEqualTo(ids.get(i));
        live.remove(ids.get(i));
      } else if (i % 5 == 2) {
        Document updated = document.cloneDeeply();
        updated.put("b", replacement);
        try {
          index.checkUpdate(document, updated, null);
        } catch (RuntimeException parallelArrays) {
          continue;
        }
        index.updateInPlace(document, updated, ids.get(i), null);
        live.put(ids.get(i), updated);
      }
    }
  }

  private static void assertSuperset(SecondaryIndex index, Map<Object, Document> live, Document query) {
    if (!index.canHandle(query)) {
      return;
    }
    DefaultQueryMatcher matcher = new DefaultQueryMatcher();
    Set<Object> expected = new HashSet<>();
    for (Map.Entry<Object, Document> entry : live.entrySet()) {
      if (matcher.matches(entry.getValue(), query)) {
        expected.add(entry.getKey());
      }
    }
    Set<Object> answered = new HashSet<>();
    index.getPositions(query).forEach(answered::add);
    assertThat(answered).as("positions for %s over %s", query, live.values()).containsAll(expected);
    assertThat(live.keySet()).as("positions of live documents only").containsAll(answered);
  }

  @Example
  void servesClaimStyleQueries() {
    SecondaryIndex index = new SecondaryIndex(null, "abc",
        KEYS.stream().map(k -> new IndexKey(k, true)).toList(), false, () -> { }, List::of);
    assertThat(index.canHandle(new Document("a", "PENDING").append("b", new Document("$lte", 1_700_000_000_000L))
        .append("leaseUntil", new Document("$lte", 5L)))).isTrue();
    assertThat(index.canHandle(new Document("a", "p").append("b", "q"))).isTrue();
    assertThat(index.canHandle(new Document("b", "q"))).as("not a leading prefix").isFalse();
    assertThat(index.canHandle(new Document("a", new Document("$in", List.of("x"))))).isFalse();
    assertThat(index.canHandle(new Document("a", null))).isFalse();
    assertThat(index.canHandle(new Document("a", List.of("x")))).isFalse();
  }

  @Example
  void declinesAQueryASiblingServesBetter() {
    MVStore store = new MVStore.Builder().open();
    try {
      List<Index<Object>> indexes = new ArrayList<>();
      SecondaryIndex byState = new SecondaryIndex(KeyOrderedH2Backend.openIndexMap(store, "s"), "state",
          List.of(new IndexKey("state", true), new IndexKey("at", true)), false, () -> { }, () -> indexes);
      SecondaryIndex byProvider = new SecondaryIndex(KeyOrderedH2Backend.openIndexMap(store, "p"), "provider",
          List.of(new IndexKey("providerId", true), new IndexKey("at", true)), false, () -> { }, () -> indexes);
      indexes.add(byState);
      indexes.add(byProvider);
      for (int i = 0; i < 200; i++) {
        Document done = new Document("_id", "m" + i).append("state", "DONE").append("providerId", "p" + i % 10)
            .append("at", (double) i);
        byState.add(done, done.get("_id"), null);
        byProvider.add(done, done.get("_id"), null);
      }
      Document ofProvider = new Document("providerId", "p3").append("state", "DONE");
      assertThat(byState.canHandle(ofProvider)).as("200 DONE entries against 20 of p3").isFalse();
      assertThat(byProvider.canHandle(ofProvider)).isTrue();
      Document ofProviderSince = new Document("state", "DONE").append("at", new Document("$gte", 150.0))
          .append("providerId", "p3");
      assertThat(byState.canHandle(ofProviderSince)).as("as many keys, 50 entries against 5").isFalse();
      assertThat(byProvider.canHandle(ofProviderSince)).isTrue();
      SecondaryIndex byProviderState = new SecondaryIndex(KeyOrderedH2Backend.openIndexMap(store, "ps"), "ps",
          List.of(new IndexKey("providerId", true), new IndexKey("state", true)), false, () -> { }, () -> indexes);
      indexes.add(byProviderState);
      assertThat(byProvider.canHandle(ofProvider)).as("an empty index naming both keys weighs more").isFalse();
      assertThat(byProviderState.canHandle(ofProvider)).isTrue();
    } finally {
      store.close();
    }
  }
}
