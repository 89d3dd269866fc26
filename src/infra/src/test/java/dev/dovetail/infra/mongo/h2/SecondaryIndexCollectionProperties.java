package dev.dovetail.infra.mongo.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import dev.dovetail.infra.mongo.memory.LookupMemoryBackend;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.h2.mvstore.MVStore;

/**
 * A collection of the embedded store on disk with secondary indexes shaped like the repositories' (an equal prefix then
 * a range and {@code _id}; a status then a nested field that is missing until a later state; a nested field alone), one
 * of the tests' in-memory store ({@link LookupMemoryBackend}), and one of the library's own in-memory backend: the same
 * random inserts, updates (which change indexed keys, set them to {@code null}, remove them, replace whole documents)
 * and deletes, then every query, count and distinct must answer the same on all three. The queries mix equal values,
 * {@code null}, {@code $in}, {@code $ne}, {@code $exists}, ranges, nested paths and whole subdocuments, and
 * {@code $or}, and often an {@code _id} besides, which the first two find by their {@code _id} index (ADR 80). The
 * library's backend, whose {@code _id} index serves only a query on {@code _id} alone, is the reference.
 */
@Label("A collection with secondary indexes and _id lookups against the library's")
class SecondaryIndexCollectionProperties {

  private static final List<Document> INDEXES = List.of(
      new Document("key", new Document("r", 1).append("s", 1).append("v", 1).append("_id", 1)).append("name", "r_s_v"),
      new Document("key", new Document("s", 1).append("n.t", 1)).append("name", "s_nt"),
      new Document("key", new Document("n.t", 1)).append("name", "nt"),
      new Document("key", new Document("v", -1)).append("name", "v_desc"));

  /** One step applied to both collections; its answer on the indexed one must equal its answer on the plain one. */
  record Step(String description, Function<MongoCollection<Object>, Object> action) {

    @Override
    public String toString() {
      return description;
    }
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("WAITING", "OFFERED", "BOOKED", "r1", "r2", "").map(s -> (Object) s)),
        Tuple.of(4, Arbitraries.of(1.0, 2.5, -1.0, 1_700_000_000_000.0).map(d -> (Object) d)),
        Tuple.of(3, Arbitraries.of(1L, 2L, 1_700_000_000_000L, 1_700_000_000_001L).map(l -> (Object) l)),
        Tuple.of(2, Arbitraries.of(1, 2).map(i -> (Object) i)),
        Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
        Tuple.of(3, Arbitraries.just(null)));
  }

  /**
   * A value of {@code v} or {@code n.t}: sometimes an array. No index names both, and {@code r} and {@code s} never
   * hold one, so no document has the parallel arrays an index refuses (Mongo's rule too).
   */
  @Provide
  Arbitrary<Object> valuesOrArrays() {
    return Arbitraries.frequencyOf(Tuple.of(6, values()),
        Tuple.of(1, values().list().ofMaxSize(2).map(l -> (Object) new ArrayList<Object>(l))));
  }

  /** A value of field {@code n}: a subdocument with or without {@code t}, an array of those, or a scalar. */
  @Provide
  Arbitrary<Object> nested() {
    Arbitrary<Object> withT = valuesOrArrays().map(t -> (Object) new Document("t", t).append("o", 1));
    Arbitrary<Object> withoutT = Arbitraries.just(new Document("o", 1));
    return Arbitraries.frequencyOf(Tuple.of(5, withT), Tuple.of(2, withoutT),
        Tuple.of(1, Arbitraries.oneOf(withT, withoutT).list().ofMaxSize(2).map(l -> (Object) new ArrayList<>(l))),
        Tuple.of(2, values()));
  }

  private static Arbitrary<Object[]> orMissing(Arbitrary<Object> value) {
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(new Object[0])),
        Tuple.of(3, value.map(v -> new Object[] {v})));
  }

  private static void put(Document document, String key, Object[] value) {
    if (value.length == 1) {
      document.put(key, copy(value[0]));
    }
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object value) {
    if (value instanceof Document d) {
      return d.cloneDeeply();
    }
    if (value instanceof List<?> l) {
      List<Object> copied = new ArrayList<>();
      l.forEach(e -> copied.add(copy(e)));
      return copied;
    }
    return value;
  }

  @Provide
  Arbitrary<Document> documents() {
    return Combinators.combine(orMissing(values()), orMissing(values()), orMissing(valuesOrArrays()),
            orMissing(nested()))
        .as((r, s, v, n) -> {
          Document d = new Document();
          put(d, "r", r);
          put(d, "s", s);
          put(d, "v", v);
          put(d, "n", n);
          return d;
        });
  }

  /** A condition on one field: an equal value or an operator document. */
  private Arbitrary<Object> condition(Arbitrary<Object> values) {
    Arbitrary<Object> scalar = values().filter(v -> !(v instanceof List<?>));
    Arbitrary<String> range = Arbitraries.of("$lt", "$lte", "$gt", "$gte");
    return Arbitraries.frequencyOf(
        Tuple.of(6, values),
        Tuple.of(3, Combinators.combine(range, scalar).as((o, v) -> (Object) new Document(o, v))),
        Tuple.of(2, Combinators.combine(range, scalar, range, scalar)
            .as((o1, v1, o2, v2) -> (Object) new Document(o1, v1).append(o2, v2))),
        Tuple.of(2, scalar.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) new Document("$in", l))),
        Tuple.of(2, scalar.map(v -> (Object) new Document("$ne", v))),
        Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) new Document("$exists", b))));
  }

  /** An {@code _id} condition: an id (of several number kinds or a string) or an operator on one. */
  @Provide
  Arbitrary<Object> idConditions() {
    Arbitrary<Object> ids = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(0, 35).map(i -> (Object) i)),
        Tuple.of(1, Arbitraries.integers().between(0, 35).map(i -> (Object) (long) i)),
        Tuple.of(1, Arbitraries.integers().between(0, 35).map(i -> (Object) (double) i)),
        Tuple.of(1, Arbitraries.of("3", "").map(i -> (Object) i)),
        Tuple.of(1, Arbitraries.just(null)));
    return Arbitraries.frequencyOf(Tuple.of(5, ids),
        Tuple.of(1, ids.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) new Document("$in", l))),
        Tuple.of(1, ids.map(v -> (Object) new Document("$ne", v))),
        Tuple.of(1, ids.map(v -> (Object) new Document("$gte", v))));
  }

  @Provide
  Arbitrary<Document> queries() {
    Arbitrary<Object[]> none = Arbitraries.just(new Object[0]);
    Arbitrary<Object[]> id = Arbitraries.frequencyOf(Tuple.of(3, none),
        Tuple.of(2, idConditions().map(c -> new Object[] {c})));
    Arbitrary<Object[]> r = Arbitraries.frequencyOf(Tuple.of(1, none),
        Tuple.of(1, condition(values()).map(c -> new Object[] {c})));
    Arbitrary<Object[]> nt = Arbitraries.frequencyOf(Tuple.of(2, none),
        Tuple.of(1, condition(valuesOrArrays()).map(c -> new Object[] {c})));
    Arbitrary<Object[]> n = Arbitraries.frequencyOf(Tuple.of(6, none),
        Tuple.of(1, nested().map(c -> new Object[] {c})));
    Arbitrary<Document> query = Combinators.combine(id, r, r, r, nt, n).as((qid, qr, qs, qv, qnt, qn) -> {
      Document q = new Document();
      put(q, "_id", qid);
      put(q, "r", qr);
      put(q, "s", qs);
      put(q, "v", qv);
      put(q, "n.t", qnt);
      put(q, "n", qn);
      return q;
    });
    return Arbitraries.frequencyOf(Tuple.of(8, query),
        Tuple.of(1, Combinators.combine(query, query, query).as((a, b, base) -> {
          Document q = base.cloneDeeply();
          q.put("$or", List.of(a, b));
          return q;
        })));
  }

  @Provide
  Arbitrary<Step> steps() {
    Arbitrary<String> field = Arbitraries.of("r", "s", "v", "n", "n.t");
    Arbitrary<Object> fieldValue = Arbitraries.oneOf(values(), valuesOrArrays(), nested());
    Arbitrary<Step> insert = Combinators.combine(documents(), Arbitraries.integers().between(100, 999))
        .as((d, id) -> new Step("insert " + d.cloneDeeply().append("_id", id), collection -> {
          collection.addDocument(d.cloneDeeply().append("_id", id));
          return null;
        }));
    Arbitrary<Step> set = Combinators.combine(queries(), field, fieldValue)
        .filter((q, f, v) -> !(v instanceof List<?>) || f.equals("v") || f.equals("n.t"))
        .filter((q, f, v) -> !(v instanceof Document) || f.equals("n"))
        .as((q, f, v) -> new Step(
        "update " + q + " $set " + f + "=" + v, collection -> collection.updateDocuments(q.cloneDeeply(),
            new Document("$set", new Document(f, copy(v))), ArrayFilters.empty(), true, false, NoopOplog.get())
            .get("nModified")));
    Arbitrary<Step> unset = Combinators.combine(queries(), field).as((q, f) -> new Step(
        "update " + q + " $unset " + f, collection -> collection.updateDocuments(q.cloneDeeply(),
            new Document("$unset", new Document(f, "")), ArrayFilters.empty(), true, false, NoopOplog.get())
            .get("nModified")));
    Arbitrary<Step> replace = Combinators.combine(Arbitraries.integers().between(0, 29), documents())
        .as((id, d) -> new Step("replace " + id + " by " + d, collection -> collection.updateDocuments(
            new Document("_id", id), d.cloneDeeply(), ArrayFilters.empty(), false, false, NoopOplog.get())
            .get("nModified")));
    Arbitrary<Step> delete = queries().map(q -> new Step("delete " + q,
        collection -> collection.deleteDocuments(q.cloneDeeply(), 0)));
    Arbitrary<Step> find = queries().map(q -> new Step("find " + q,
        collection -> sortedById(collection.handleQuery(q.cloneDeeply()))));
    Arbitrary<Step> findSorted = Combinators.combine(queries(), Arbitraries.of("s", "v", "n.t"),
        Arbitraries.of(1, -1), Arbitraries.integers().between(0, 4)).as((q, f, direction, limit) -> new Step(
            "find " + q + " sorted by " + f + " " + direction + " limit " + limit, collection -> {
              Document query = new Document("query", q.cloneDeeply())
                  .append("orderby", new Document(f, direction).append("_id", 1));
              return ids(collection.handleQuery(query, 0, limit));
            }));
    Arbitrary<Step> count = queries().map(q -> new Step("count " + q,
        collection -> collection.count(q.cloneDeeply(), 0, 0)));
    Arbitrary<Step> distinct = Combinators.combine(queries(), Arbitraries.of("r", "s", "n.t")).as((q, f) ->
        new Step("distinct " + f + " of " + q, collection -> collection.handleDistinct(
            new Document("key", f).append("query", q.cloneDeeply())).get("values")));
    return Arbitraries.frequencyOf(Tuple.of(4, insert), Tuple.of(3, set), Tuple.of(1, unset), Tuple.of(2, replace),
        Tuple.of(1, delete), Tuple.of(4, find), Tuple.of(2, findSorted), Tuple.of(1, count), Tuple.of(1, distinct));
  }

  @Property(tries = 300)
  void answersAsTheLibraryWithoutIndexes(@ForAll("documentLists") List<Document> initial,
      @ForAll("stepLists") List<Step> steps) {
    MVStore store = new MVStore.Builder().open();
    store.setStoreVersion(IndexKeyMigration.KEY_ORDER_VERSION);
    KeyOrderedH2Backend backend = new KeyOrderedH2Backend(store);
    MemoryBackend library = new MemoryBackend();
    LookupMemoryBackend tests = new LookupMemoryBackend();
    try {
      MongoCollection<Object> indexed = collection(backend, INDEXES);
      assertThat(indexed.getIndexes()).hasSize(INDEXES.size() + 1);
      MongoCollection<Object> plain = collection(library, List.of());
      List<MongoCollection<Object>> checked = List.of(indexed, collection(tests, List.of()));
      int id = 0;
      for (Document document : initial) {
        Document withId = document.cloneDeeply().append("_id", id++);
        checked.forEach(collection -> collection.addDocument(withId.cloneDeeply()));
        plain.addDocument(withId);
      }
      for (Step step : steps) {
        List<Document> before = sortedById(plain.queryAll());
        Object expected = outcome(step, plain);
        for (MongoCollection<Object> collection : checked) {
          assertThat(outcome(step, collection)).as("%s over %s", step, before).isEqualTo(expected);
          if (expected instanceof String error) {
            // A multi-update that failed part way (say $set n.t where n is an array) changed the documents it reached
            // before the failing one, in the order it read them, which an index changes; start again from one state.
            collection.deleteDocuments(new Document(), 0);
            plain.queryAll().forEach(document -> collection.addDocument(document.cloneDeeply()));
          }
          assertThat(sortedById(collection.queryAll())).as("after %s over %s", step, before)
              .isEqualTo(sortedById(plain.queryAll()));
        }
      }
    } finally {
      backend.close();
      library.close();
      tests.close();
    }
  }

  /** Collection {@code c} of database {@code db} of {@code backend}, created with {@code indexes}. */
  @SuppressWarnings("unchecked")
  private static MongoCollection<Object> collection(MongoBackend backend, List<Document> indexes) {
    MongoDatabase database = backend.resolveDatabase("db");
    EmbeddedChannel channel = new EmbeddedChannel();
    database.handleCommand(channel, "create", new Document("create", "c"), null, NoopOplog.get());
    if (!indexes.isEmpty()) {
      database.handleCommand(channel, "createIndexes", new Document("createIndexes", "c").append("indexes", indexes),
          null, NoopOplog.get());
    }
    return (MongoCollection<Object>) database.resolveCollection("c", true);
  }

  @Provide
  Arbitrary<List<Document>> documentLists() {
    return documents().list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<Step>> stepLists() {
    return steps().list().ofMinSize(1).ofMaxSize(25);
  }

  /** The step's answer, or the class of the error it failed with (both collections must fail alike). */
  private static Object outcome(Step step, MongoCollection<Object> collection) {
    try {
      return step.action().apply(collection);
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  private static List<Document> sortedById(Iterable<Document> documents) {
    List<Document> sorted = new ArrayList<>();
    documents.forEach(sorted::add);
    sorted.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
    return sorted;
  }

  private static List<Object> ids(Iterable<Document> documents) {
    List<Object> ids = new ArrayList<>();
    documents.forEach(d -> ids.add(d.get("_id")));
    return ids;
  }
}
