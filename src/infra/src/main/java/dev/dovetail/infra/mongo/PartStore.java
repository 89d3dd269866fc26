package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.PersistentMap;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One logical value per owner (a resource's calendar) stored as a small <b>head</b> document, the only commit point,
 * and one <b>part</b> document per item (an object), so that a write costs what it changes, not what the owner holds
 * (ADR 47).
 *
 * <p>Head: {@code {_id: owner, revision, ...fields, pending: [{key, body?}], log: [{key, rev}], logFloor}}. Part:
 * {@code {_id: owner/key, owner, key, rev, body}}. A commit is one compare-and-set of the head on {@code revision} that
 * carries the changed parts in full in {@code pending}: the head alone decides what the value is. The next commit first
 * copies that pending content into the part documents (idempotent, and never over a newer part: each part write is
 * conditional on {@code rev}), then replaces {@code pending} with its own. A reader takes the part documents and lets
 * the head's {@code pending} override them, so a crash at any point loses nothing a commit acknowledged.
 *
 * <p>Each node keeps the last value it read or wrote per owner (bounded), checks it with one head read, and refreshes
 * it from the {@code log} of recently changed keys (part reads by {@code _id}); only a node that is more than
 * {@value #LOG_LIMIT} changes behind, or cold, reads all of an owner's parts. The revision alone identifies a value
 * because an owner (a resource id) never comes back after its delete: resource ids are retired, for every tenant
 * (ADR 22). A late background write (a sync's busy time) may re-create a retired id's head, and a node's old copy may
 * then match its revision, but no request can reach that resource again, so no tenant is shown the old value.
 *
 * @param <P> the decoded part
 */
final class PartStore<P> {

  static final int LOG_LIMIT = 512;
  /**
   * The unique index a part's compare-and-set names: {@code version}, the part's {@code _id} and {@code rev} in one
   * string (mongo-java-server answers a query by an index only when it names exactly that index's one key).
   */
  static final JsonObject VERSION_INDEX = new JsonObject().put("version", 1);
  private static final int CACHED_OWNERS = 512;
  /** How many part revisions this node remembers having written (a schedule's day part, a calendar object). */
  private static final int REMEMBERED_PARTS = 8_192;

  /**
   * A value as read at {@code revision}: head fields and parts (pending already applied), the raw bookkeeping, and
   * the domain value built from them once ({@link #value}).
   */
  record Loaded<P>(String owner, long revision, JsonObject fields, PersistentMap<String, P, Void> parts,
      JsonArray pending, JsonArray log, long logFloor, AtomicReference<Object> built, AtomicBoolean filed) {
    static <P> Loaded<P> absent(String owner) {
      return new Loaded<>(owner, 0, new JsonObject(), noParts(), new JsonArray(), new JsonArray(), 0,
          new AtomicReference<>(), new AtomicBoolean(true));
    }

    /** The domain value of this read, built on first use (a benign race at worst builds it twice). */
    @SuppressWarnings("unchecked")
    <V> V value(Function<Loaded<P>, V> build) {
      Object value = built.get();
      if (value == null) {
        value = build.apply(this);
        built.set(value);
      }
      return (V) value;
    }
  }

  private final MongoSupport mongo;
  private final String subject;
  private final String heads;
  private final CompareAndSet headRevisions;
  private final String partCollection;
  private final Function<P, JsonObject> encode;
  private final Function<JsonObject, P> decode;
  /** Background filings in flight, by owner (a delete waits for them). */
  private final Map<String, Future<Void>> filing = new ConcurrentHashMap<>();
  private final Map<String, Loaded<P>> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Loaded<P>> eldest) {
          return size() > CACHED_OWNERS;
        }
      });

  /**
   * The {@code rev} this node last stored per part id: the next filing of that part tries its compare-and-set on it
   * at once, without first reading the stored {@code rev}; the compare-and-set refuses it if another node moved on.
   */
  private final Map<String, Long> storedRevs = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > REMEMBERED_PARTS;
        }
      });

  /** {@code subject} names the value in errors ("schedule"); {@code heads} and {@code partCollection} are collections. */
  PartStore(MongoSupport mongo, String subject, String heads, String partCollection, Function<P, JsonObject> encode,
      Function<JsonObject, P> decode) {
    this.mongo = mongo;
    this.subject = subject;
    this.heads = heads;
    this.headRevisions = new CompareAndSet(mongo, heads, null);
    this.partCollection = partCollection;
    this.encode = encode;
    this.decode = decode;
  }

  /**
   * On the parts the unique {@link #VERSION_INDEX} of their compare-and-set and {@code owner} for a cold read of all
   * of an owner's parts. The heads' compare-and-set is found by {@code _id} (ADR 80).
   */
  static List<StoreIndex> indexes(String partCollection) {
    return List.of(StoreIndex.unique(partCollection, "version", VERSION_INDEX),
        StoreIndex.secondary(partCollection, "owner", new JsonObject().put("owner", 1)));
  }

  static final Set<String> BOOKKEEPING = Set.of("_id", CompareAndSet.REVISION, "pending", "log", "logFloor");

  /**
   * The owner's value now, for a value this node usually holds current (it writes it itself): with a copy here, the
   * head's revision alone is read first and the copy is used if it still stands; the head (whose {@code pending} may
   * hold a whole bulk write until the next write) is read only when it moved on, a second round trip.
   */
  Future<Loaded<P>> loadChecked(String owner) {
    Loaded<P> copy = cache.get(owner);
    if (copy == null) {
      return load(owner);
    }
    return revision(owner).compose(revision -> revision == copy.revision() ? Future.succeededFuture(copy)
        : load(owner));
  }

  /** The owner's value now, from its head, in one round trip; the parts only as far as the head says they changed. */
  Future<Loaded<P>> load(String owner) {
    return mongo.client.findOne(heads, byId(owner), null).compose(head -> {
      if (head == null) {
        cache.remove(owner);
        return Future.succeededFuture(Loaded.absent(owner));
      }
      long revision = head.getLong(CompareAndSet.REVISION);
      Loaded<P> cached = cache.get(owner);
      if (cached != null && cached.revision() == revision) {
        return Future.succeededFuture(cached);
      }
      long floor = head.getLong("logFloor", 0L);
      JsonArray log = head.getJsonArray("log", new JsonArray());
      Future<PersistentMap<String, P, Void>> parts =
          cached != null && cached.revision() >= floor && cached.revision() < revision
              ? refresh(owner, cached, log)
              : all(owner);
      return parts.map(stored -> {
        JsonArray pending = head.getJsonArray("pending", new JsonArray());
        Loaded<P> loaded = new Loaded<>(owner, revision, fields(head), withPending(stored, pending), pending,
            log, floor, new AtomicReference<>(), new AtomicBoolean(pending.isEmpty()));
        cache.put(owner, loaded);
        return loaded;
      });
    });
  }

  /** The head's {@code revision} alone (0 without a head). */
  Future<Long> revision(String owner) {
    return headRevisions.stored(owner);
  }

  /**
   * Commits {@code fields} and the {@code changed} parts (a null value removes the part) on top of {@code base}, if
   * the head is still at {@code base.revision()}: true if this commit won, false if another writer committed first.
   * {@code value} is the domain value at the new revision, kept with this node's copy.
   */
  Future<Boolean> commit(Loaded<P> base, JsonObject fields, Map<String, P> changed, Object value) {
    long next = base.revision() + 1;
    JsonArray pending = new JsonArray();
    JsonArray log = new JsonArray();
    base.log().forEach(log::add);
    changed.forEach((key, part) -> {
      JsonObject entry = new JsonObject().put("key", key);
      if (part != null) {
        entry.put("body", encode.apply(part));
      }
      pending.add(entry);
      log.add(new JsonObject().put("key", key).put("rev", next));
    });
    long floor = base.logFloor();
    while (log.size() > LOG_LIMIT) {
      floor = Math.max(floor, ((JsonObject) log.remove(0)).getLong("rev"));
    }
    JsonObject head = fields.copy().put(CompareAndSet.REVISION, next).put("pending", pending).put("log", log)
        .put("logFloor", floor);
    long logFloor = floor;
    Future<Void> filed = base.filed().get() ? Future.succeededFuture() : flush(base);
    return filed.compose(v -> write(base, head)).map(won -> {
      if (won) {
        // the parts share all but the changed ones with the base (ADR 69): O(changed · log n), not a copy
        PersistentMap<String, P, Void> parts = base.parts();
        for (Map.Entry<String, P> e : changed.entrySet()) {
          parts = e.getValue() == null ? parts.remove(e.getKey()) : parts.put(e.getKey(), e.getValue());
        }
        Loaded<P> committed = new Loaded<>(base.owner(), next, fields.copy(), parts,
            pending, log, logFloor, new AtomicReference<>(value), new AtomicBoolean(pending.isEmpty()));
        cache.put(base.owner(), committed);
        fileInBackground(committed);
      } else {
        cache.remove(base.owner());
      }
      return won;
    });
  }

  /**
   * Copies a commit's pending parts into their documents now, outside the writer's lock, so that this node's next
   * commit on the owner need not (ADR 47). Best effort: a copy that fails or is cut short leaves {@code filed} false,
   * and the next commit (on any node) files the same pending parts again, idempotently.
   */
  private void fileInBackground(Loaded<P> committed) {
    if (committed.filed().get()) {
      return;
    }
    Future<Void> filed = flush(committed).onSuccess(v -> committed.filed().set(true));
    filing.put(committed.owner(), filed);
    filed.onComplete(done -> filing.remove(committed.owner(), filed));
  }

  /**
   * Changes the owner's value by compare-and-set, retried against fresh reads: {@code change} proposes the new value
   * from a read, or throws to refuse. The first try starts from this node's own copy without reading the head (the
   * compare-and-set refuses it if another writer moved on); a refusal or a lost race on that unchecked copy is tried
   * again at once from a fresh read, so nothing is refused on stale data. After that each lost race pauses a random,
   * growing moment ({@code vertx.timer}); after {@code maxAttempts} the write fails with a {@link ConflictException}.
   */
  <V> Future<V> update(String owner, Function<Loaded<P>, Proposal<P, V>> change, int maxAttempts,
      Runnable onRetry) {
    return attempt(owner, change, maxAttempts, onRetry, 1, cache.get(owner));
  }

  /** What a write proposes on top of a read: the head's fields, the changed parts (null removes one), the new value. */
  record Proposal<P, V>(JsonObject fields, Map<String, P> changed, V value) {}

  private <V> Future<V> attempt(String owner, Function<Loaded<P>, Proposal<P, V>> change, int maxAttempts,
      Runnable onRetry, int attempt, Loaded<P> unchecked) {
    Future<Loaded<P>> read = unchecked != null ? Future.succeededFuture(unchecked) : load(owner);
    return read.compose(base -> {
      Proposal<P, V> proposal;
      try {
        proposal = change.apply(base);
      } catch (RuntimeException refused) {
        return unchecked != null ? attempt(owner, change, maxAttempts, onRetry, attempt, null)
            : Future.failedFuture(refused);
      }
      return commit(base, proposal.fields(), proposal.changed(), proposal.value()).compose(won -> {
        if (won) {
          return Future.succeededFuture(proposal.value());
        }
        if (unchecked != null) {
          return attempt(owner, change, maxAttempts, onRetry, attempt, null);
        }
        if (attempt >= maxAttempts) {
          return Future.failedFuture(new ConflictException(
              "the " + subject + " of resource " + owner + " is changing too often, try again"));
        }
        onRetry.run();
        return headRevisions.pause(attempt)
            .compose(v -> attempt(owner, change, maxAttempts, onRetry, attempt + 1, null));
      });
    });
  }

  /** Removes the head and every part, after this node's filing of the owner's last commit (else it would outlive). */
  Future<Void> delete(String owner) {
    cache.remove(owner);
    Future<Void> inFlight = filing.getOrDefault(owner, Future.succeededFuture());
    return inFlight.otherwiseEmpty()
        .compose(v -> mongo.client.removeDocument(heads, byId(owner)))
        .compose(v -> mongo.client.removeDocuments(partCollection, new JsonObject().put("owner", owner)))
        .mapEmpty();
  }

  /**
   * Moves values stored as one document (their parts in {@code legacyField} of the head) to part documents: the parts
   * first, at the head's revision, then the head drops the field by compare-and-set. Run at start-up, before serving.
   */
  Future<Void> migrate(String legacyField, Function<JsonObject, Map<String, P>> partsOf) {
    JsonObject legacy = new JsonObject().put(legacyField, new JsonObject().put("$exists", true));
    return mongo.client.find(heads, legacy).compose(found -> {
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject head : found) {
        chain = chain.compose(v -> migrate(head, legacyField, partsOf.apply(head)));
      }
      return chain;
    }).compose(v -> mongo.durable());
  }

  private Future<Void> migrate(JsonObject head, String legacyField, Map<String, P> parts) {
    String owner = head.getString("_id");
    long revision = head.getLong(CompareAndSet.REVISION);
    List<Future<?>> writes = new ArrayList<>();
    parts.forEach((key, part) -> writes.add(putPart(owner, key, revision, encode.apply(part))));
    JsonObject update = new JsonObject()
        .put("$unset", new JsonObject().put(legacyField, ""))
        .put("$set", new JsonObject().put("pending", new JsonArray()).put("log", new JsonArray())
            .put("logFloor", revision));
    return Future.all(writes).compose(v -> mongo.client.updateCollection(heads,
        headRevisions.at(owner, revision), update)).mapEmpty();
  }

  /** The head's compare-and-set: an insert for an owner without a head (revision 0), else a replace at its revision. */
  private Future<Boolean> write(Loaded<P> base, JsonObject head) {
    head.put("_id", base.owner());
    return base.revision() == 0 ? headRevisions.create(head)
        : headRevisions.replace(base.owner(), base.revision(), head);
  }

  /** Copies the base head's pending parts into their documents, never over a newer one. */
  private Future<Void> flush(Loaded<P> base) {
    List<Future<?>> writes = new ArrayList<>();
    for (Object item : base.pending()) {
      JsonObject entry = (JsonObject) item;
      String key = entry.getString("key");
      JsonObject body = entry.getJsonObject("body");
      writes.add(body == null ? removePart(base.owner(), key, base.revision())
          : putPart(base.owner(), key, base.revision(), body));
    }
    return Future.all(writes).mapEmpty();
  }

  /**
   * Writes a part at {@code rev} unless the stored one is as new: a compare-and-set on the stored {@code rev}, so a
   * late copy of an old pending part never overwrites a newer one. Every query names exactly the keys of a unique
   * index ({@code _id}, or {@link #VERSION_INDEX}), which both engines answer by the index.
   */
  private Future<Void> putPart(String owner, String key, long rev, JsonObject body) {
    String id = partId(owner, key);
    JsonObject doc = new JsonObject().put("owner", owner).put("key", key).put("rev", rev)
        .put("version", version(id, rev)).put("body", body);
    Long written = storedRevs.get(id);
    if (written == null || written >= rev) {
      return putPart(id, doc);
    }
    // the part as this node last stored it, most likely still so: one command instead of a read and a write
    return mongo.client.updateCollection(partCollection, new JsonObject().put("version", version(id, written)),
            new JsonObject().put("$set", doc))
        .compose(result -> {
          if (result.getDocMatched() == 1) {
            storedRevs.put(id, rev);
            return Future.<Void>succeededFuture();
          }
          storedRevs.remove(id, written);
          return putPart(id, doc);
        });
  }

  /** {@link #putPart(String, String, long, JsonObject)} from a read of the stored {@code rev}. */
  private Future<Void> putPart(String id, JsonObject doc) {
    long rev = doc.getLong("rev");
    return storedRev(id).compose(stored -> {
      if (stored == null) {
        return mongo.client.insert(partCollection, doc.copy().put("_id", id))
            .compose(inserted -> stored(id, rev))
            .recover(err -> MongoSupport.isDuplicateKey(err) ? putPart(id, doc) : Future.failedFuture(err));
      }
      if (stored >= rev) {
        return Future.succeededFuture();
      }
      return mongo.client.updateCollection(partCollection, new JsonObject().put("version", version(id, stored)),
              new JsonObject().put("$set", doc))
          .compose(result -> result.getDocMatched() == 1 ? stored(id, rev) : putPart(id, doc));
    });
  }

  private Future<Void> stored(String id, long rev) {
    storedRevs.put(id, rev);
    return Future.succeededFuture();
  }

  /** Removes a part written at {@code rev} or before; a newer one stays. */
  private Future<Void> removePart(String owner, String key, long rev) {
    String id = partId(owner, key);
    storedRevs.remove(id);
    return storedRev(id).compose(stored -> {
      if (stored == null || stored > rev) {
        return Future.succeededFuture();
      }
      return mongo.client.removeDocuments(partCollection, new JsonObject().put("version", version(id, stored)))
          .compose(result -> result.getRemovedCount() == 1 ? Future.<Void>succeededFuture()
              : removePart(owner, key, rev));
    });
  }

  private Future<Long> storedRev(String id) {
    return mongo.client.findOne(partCollection, byId(id), new JsonObject().put("rev", 1))
        .map(doc -> doc == null ? null : doc.getLong("rev"));
  }

  private Future<PersistentMap<String, P, Void>> all(String owner) {
    return mongo.client.find(partCollection, new JsonObject().put("owner", owner))
        .map(docs -> sorted(decodeAll(docs)));
  }

  /** All of an owner's parts in a map built at once (one node per part, ADR 69's load cost). */
  private static <P> PersistentMap<String, P, Void> sorted(Map<String, P> parts) {
    List<String> keys = new ArrayList<>(parts.keySet());
    keys.sort(Comparator.naturalOrder());
    List<P> values = new ArrayList<>(keys.size());
    keys.forEach(key -> values.add(parts.get(key)));
    return PartStore.<P>noParts().withSorted(keys, values);
  }

  /** The cached parts with the keys the log names after the cached revision read again. */
  private Future<PersistentMap<String, P, Void>> refresh(String owner, Loaded<P> cached, JsonArray log) {
    Set<String> keys = new LinkedHashSet<>();
    for (Object item : log) {
      JsonObject entry = (JsonObject) item;
      if (entry.getLong("rev") > cached.revision()) {
        keys.add(entry.getString("key"));
      }
    }
    JsonArray ids = new JsonArray();
    keys.forEach(key -> ids.add(partId(owner, key)));
    return mongo.client.find(partCollection, new JsonObject().put("_id", new JsonObject().put("$in", ids)))
        .map(docs -> {
          PersistentMap<String, P, Void> parts = cached.parts();
          for (String key : keys) {
            parts = parts.remove(key);
          }
          return withAll(parts, decodeAll(docs));
        });
  }

  private Map<String, P> decodeAll(List<JsonObject> docs) {
    Map<String, P> parts = new HashMap<>();
    for (JsonObject doc : docs) {
      parts.put(doc.getString("key"), decode.apply(withKey(doc.getJsonObject("body"), doc.getString("key"))));
    }
    return parts;
  }

  private PersistentMap<String, P, Void> withPending(PersistentMap<String, P, Void> stored, JsonArray pending) {
    PersistentMap<String, P, Void> parts = stored;
    for (Object item : pending) {
      JsonObject entry = (JsonObject) item;
      String key = entry.getString("key");
      JsonObject body = entry.getJsonObject("body");
      parts = body == null ? parts.remove(key) : parts.put(key, decode.apply(withKey(body, key)));
    }
    return parts;
  }

  private static <P> PersistentMap<String, P, Void> withAll(PersistentMap<String, P, Void> parts, Map<String, P> more) {
    PersistentMap<String, P, Void> out = parts;
    for (Map.Entry<String, P> e : more.entrySet()) {
      out = out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static <P> PersistentMap<String, P, Void> noParts() {
    return PersistentMap.empty(Comparator.naturalOrder());
  }

  private static JsonObject withKey(JsonObject body, String key) {
    return body.copy().put("key", key);
  }

  private static JsonObject fields(JsonObject head) {
    JsonObject fields = new JsonObject();
    head.forEach(e -> {
      if (!BOOKKEEPING.contains(e.getKey())) {
        fields.put(e.getKey(), e.getValue());
      }
    });
    return fields;
  }

  private static String version(String id, long rev) {
    return id + "@" + rev;
  }

  static String partId(String owner, String key) {
    return owner + "/" + key;
  }
}
