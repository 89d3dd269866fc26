package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
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

  private final MongoSupport mongo;
  private final PartStore<CalendarObject> store;

  /** The object parts' indexes ({@link PartStore#indexes}) and the heads by revision. */
  static List<StoreIndex> indexes() {
    List<StoreIndex> indexes = new ArrayList<>(PartStore.indexes(OBJECTS));
    // mostWritten: the heads by revision, highest first (a start-up's warm-up, ADR 59)
    indexes.add(StoreIndex.secondary(COLLECTION, "mostWritten", new JsonObject().put("revision", -1)));
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
      return new PartStore.Proposal<>(CalendarCodec.fields(next), next.objectsChangedSince(current), stored);
    }, MAX_ATTEMPTS, () -> { });
  }

  /** Moves calendars stored before ADR 47 (objects inside the head) to one document per object; at start-up. */
  Future<Void> migrate() {
    return store.migrate(CalendarCodec.LEGACY_OBJECTS, head -> {
      Map<String, CalendarObject> parts = new HashMap<>();
      CalendarCodec.legacyObjects(head).forEach(o -> parts.put(o.href(), o));
      return parts;
    });
  }
}
