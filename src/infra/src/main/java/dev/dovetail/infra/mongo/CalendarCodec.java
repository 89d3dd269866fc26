package dev.dovetail.infra.mongo;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A calendar as a {@link PartStore} value: the head in {@code calendars} ({@code {_id: resourceId, revision, sequence,
 * tombstoneFloor, properties: {name: value}, tombstones: [{href, sequence}], pending, log, logFloor}}) and one part per
 * object in {@code calendarObjects} (body {@code {uid, ics, etag, sequence, booking}}, keyed by href). Before ADR 47
 * the objects sat in the head as {@code objects: [{href, ...}]}; {@link #LEGACY_OBJECTS} names that field for the
 * start-up migration.
 */
final class CalendarCodec {

  static final String LEGACY_OBJECTS = "objects";

  private CalendarCodec() {}

  /** The head's own fields: everything but the objects and the part store's bookkeeping. */
  static JsonObject fields(CalendarCollection c) {
    JsonObject props = new JsonObject();
    c.properties().forEach(props::put);
    JsonArray stones = new JsonArray();
    for (CalendarCollection.Tombstone t : c.tombstones()) {
      stones.add(new JsonObject().put("href", t.href()).put("sequence", t.sequence()));
    }
    return new JsonObject().put("sequence", c.sequence()).put("tombstoneFloor", c.tombstoneFloor())
        .put("properties", props).put("tombstones", stones);
  }

  static JsonObject encodeObject(CalendarObject o) {
    return new JsonObject().put("uid", o.uid()).put("ics", o.ics()).put("etag", o.etag())
        .put("sequence", o.sequence()).put("booking", o.booking());
  }

  /** A part body with its key: the href. */
  static CalendarObject decodeObject(JsonObject j) {
    String href = j.getString("key", j.getString("href"));
    return new CalendarObject(href, j.getString("uid"), j.getString("ics"), j.getString("etag"),
        j.getLong("sequence"), j.getBoolean("booking", false));
  }

  static CalendarCollection decode(PartStore.Loaded<CalendarObject> loaded) {
    JsonObject doc = loaded.fields();
    Map<String, String> props = new TreeMap<>();
    doc.getJsonObject("properties", new JsonObject()).forEach(e -> props.put(e.getKey(), String.valueOf(e.getValue())));
    List<CalendarCollection.Tombstone> stones = new ArrayList<>();
    for (Object o : doc.getJsonArray("tombstones", new JsonArray())) {
      JsonObject j = (JsonObject) o;
      stones.add(new CalendarCollection.Tombstone(j.getString("href"), j.getLong("sequence")));
    }
    return new CalendarCollection(loaded.owner(), loaded.revision(), doc.getLong("sequence", 0L), props,
        new ArrayList<>(loaded.parts().values()), stones, doc.getLong("tombstoneFloor", 0L));
  }

  /** The objects of a head written before ADR 47. */
  static List<CalendarObject> legacyObjects(JsonObject head) {
    List<CalendarObject> objects = new ArrayList<>();
    for (Object o : head.getJsonArray(LEGACY_OBJECTS, new JsonArray())) {
      objects.add(decodeObject((JsonObject) o));
    }
    return objects;
  }
}
