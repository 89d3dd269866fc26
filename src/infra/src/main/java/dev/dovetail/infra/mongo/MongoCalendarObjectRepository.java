package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.port.in.RefreshBusyTime;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * CalDAV calendars on MongoDB as {@link PartStore} values: a head per resource in {@code calendars} (revision, change
 * sequence, tombstones, dead properties), changed only by compare-and-set on its revision, and one document per object
 * in {@code calendarObjects}; a write moves the objects it changes, not the calendar (ADR 47). Only {@code _id} lookups
 * and single-document conditional writes, so both engines behave the same; the objects, sequence and tombstones of one
 * write commit together in the head's compare-and-set. Durable (embedded commit) before the future succeeds.
 */
public class MongoCalendarObjectRepository implements CalendarObjectRepository {

  public static final String COLLECTION = "calendars";
  public static final String OBJECTS = "calendarObjects";
  private static final int MAX_ATTEMPTS = 50;
  /** On the head: how many of its objects are {@linkplain CalendarObject#recurring recurring} (ADR 83). */
  static final String RECURRING = "recurringObjects";
  /** On the head: whether the busy-time refresh visits it (recurring objects or a clash report). */
  static final String BUSY_REFRESH = "busyRefresh";

  private final MongoSupport mongo;
  private final PartStore<CalendarObject> store;

  /** The object parts' indexes ({@link PartStore#indexes}) and the heads by revision. */
  static List<StoreIndex> indexes() {
    List<StoreIndex> indexes = new ArrayList<>(PartStore.indexes(OBJECTS));
    // mostWritten: the heads by revision, highest first (a start-up's warm-up, ADR 59)
    indexes.add(StoreIndex.secondary(COLLECTION, "mostWritten", new JsonObject().put("revision", -1)));
    // withRecurringTime: the calendars the hourly busy-time refresh visits (ADR 83); a write seldom moves the key
    indexes.add(StoreIndex.secondary(COLLECTION, BUSY_REFRESH, new JsonObject().put(BUSY_REFRESH, 1)));
    return indexes;
  }

  MongoCalendarObjectRepository(MongoSupport mongo) {
    this.mongo = mongo;
    this.store = new PartStore<>(mongo, "calendar", COLLECTION, OBJECTS, CalendarCodec::encodeObject, CalendarCodec::decodeObject);
  }

  @Override
  public Future<CalendarCollection> load(String resourceId) {
    return store.load(resourceId).map(loaded -> loaded.value(CalendarCodec::decode));
  }

  /** Reads the {@code revision} field only, not the objects. */
  @Override
  public Future<Long> revision(String resourceId) {
    return store.revision(resourceId);
  }

  /** Reads {@code properties.<name>} only (a name a dotted path would misread falls back to the whole document). */
  @Override
  public Future<String> property(String resourceId, String name) {
    if (name.isEmpty() || name.contains(".") || name.startsWith("$")) {
      return CalendarObjectRepository.super.property(resourceId, name);
    }
    String field = "properties." + name;
    return mongo.client.findOne(COLLECTION, byId(resourceId), new JsonObject().put(field, 1))
        .map(doc -> {
          JsonObject properties = doc == null ? null : doc.getJsonObject("properties");
          return properties == null ? null : properties.getString(name);
        });
  }

  /** The heads' ids by revision, highest first; reads only {@code _id} and {@code revision}. */
  @Override
  public Future<List<String>> mostWritten(int limit) {
    FindOptions options = new FindOptions().setFields(new JsonObject().put("_id", 1).put(CompareAndSet.REVISION, 1))
        .setSort(new JsonObject().put(CompareAndSet.REVISION, -1)).setLimit(limit);
    return mongo.client.findWithOptions(COLLECTION, new JsonObject(), options)
        .map(docs -> docs.stream().map(doc -> doc.getString("_id")).toList());
  }

  @Override
  public Future<Void> delete(String resourceId) {
    return mongo.durable(store.delete(resourceId));
  }

  @Override
  public Future<CalendarCollection> update(String resourceId, UnaryOperator<CalendarCollection> change) {
    return attempt(resourceId, change).compose(stored -> mongo.durable().map(stored));
  }

  private Future<CalendarCollection> attempt(String resourceId, UnaryOperator<CalendarCollection> change) {
    return store.update(resourceId, loaded -> {
      CalendarCollection current = loaded.value(CalendarCodec::decode);
      CalendarCollection next = change.apply(current);
      CalendarCollection stored = next.atRevision(current.revision() + 1);
      Map<String, CalendarObject> changed = next.objectsChangedSince(current);
      long recurring = recurringAfter(loaded.fields().getLong(RECURRING), current, changed);
      JsonObject fields = CalendarCodec.fields(next).put(RECURRING, recurring)
          .put(BUSY_REFRESH, recurring > 0 || next.properties().containsKey(RefreshBusyTime.CLASHES));
      return new PartStore.Proposal<>(fields, changed, stored);
    }, MAX_ATTEMPTS, () -> { });
  }

  /**
   * The recurring objects after a write: the head's count moved by the changed objects, O(changes); counted over all
   * objects once, for a head stored before ADR 83 (no count).
   */
  private static long recurringAfter(Long before, CalendarCollection current, Map<String, CalendarObject> changed) {
    long count = before != null ? before : current.objects().stream().filter(CalendarObject::recurring).count();
    for (Map.Entry<String, CalendarObject> change : changed.entrySet()) {
      boolean was = current.find(change.getKey()).map(CalendarObject::recurring).orElse(false);
      boolean is = change.getValue() != null && change.getValue().recurring();
      count += (is ? 1 : 0) - (was ? 1 : 0);
    }
    return count;
  }

  /** Read on the {@link #BUSY_REFRESH} index: the flagged heads' ids only. */
  @Override
  public Future<List<String>> withRecurringTime() {
    FindOptions options = new FindOptions().setFields(new JsonObject().put("_id", 1));
    return mongo.client.findWithOptions(COLLECTION, new JsonObject().put(BUSY_REFRESH, true), options)
        .map(docs -> docs.stream().map(doc -> doc.getString("_id")).toList());
  }

  /**
   * At start-up: moves calendars stored before ADR 47 (objects inside the head) to one document per object, and flags
   * heads stored before ADR 83 (no {@link #BUSY_REFRESH}) for the busy-time refresh until their next write counts
   * their recurring objects.
   */
  Future<Void> migrate() {
    JsonObject older = new JsonObject().put(BUSY_REFRESH, new JsonObject().put("$exists", false));
    JsonObject flag = new JsonObject().put("$set", new JsonObject().put(BUSY_REFRESH, true));
    return store.migrate(CalendarCodec.LEGACY_OBJECTS, head -> {
      Map<String, CalendarObject> parts = new HashMap<>();
      CalendarCodec.legacyObjects(head).forEach(o -> parts.put(o.href(), o));
      return parts;
    }).compose(v -> mongo.durable(mongo.client.updateCollectionWithOptions(COLLECTION, older, flag,
        new UpdateOptions().setMulti(true)).mapEmpty()));
  }
}
