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
 * {@code calendars} documents: {@code {_id: resourceId, revision, sequence, tombstoneFloor, properties: {name:
 * value}, objects: [{href, uid, ics, etag, sequence, booking}], tombstones: [{href, sequence}]}}.
 */
final class CalendarCodec {

  static final String REVISION = "revision";

  private CalendarCodec() {}

  static JsonObject encode(CalendarCollection c) {
    return body(c).put("_id", c.resourceId()).put(REVISION, c.revision());
  }

  /** Everything but {@code _id} and {@code revision}: what a compare-and-set write sets. */
  static JsonObject body(CalendarCollection c) {
    JsonObject props = new JsonObject();
    c.properties().forEach(props::put);
    JsonArray objects = new JsonArray();
    for (CalendarObject o : c.objects()) {
      objects.add(new JsonObject().put("href", o.href()).put("uid", o.uid()).put("ics", o.ics())
          .put("etag", o.etag()).put("sequence", o.sequence()).put("booking", o.booking()));
    }
    JsonArray stones = new JsonArray();
    for (CalendarCollection.Tombstone t : c.tombstones()) {
      stones.add(new JsonObject().put("href", t.href()).put("sequence", t.sequence()));
    }
    return new JsonObject().put("sequence", c.sequence()).put("tombstoneFloor", c.tombstoneFloor())
        .put("properties", props).put("objects", objects).put("tombstones", stones);
  }

  static CalendarCollection decode(JsonObject doc) {
    Map<String, String> props = new TreeMap<>();
    JsonObject p = doc.getJsonObject("properties", new JsonObject());
    p.forEach(e -> props.put(e.getKey(), String.valueOf(e.getValue())));
    List<CalendarObject> objects = new ArrayList<>();
    for (Object o : doc.getJsonArray("objects", new JsonArray())) {
      JsonObject j = (JsonObject) o;
      objects.add(new CalendarObject(j.getString("href"), j.getString("uid"), j.getString("ics"), j.getString("etag"),
          j.getLong("sequence"), j.getBoolean("booking", false)));
    }
    List<CalendarCollection.Tombstone> stones = new ArrayList<>();
    for (Object o : doc.getJsonArray("tombstones", new JsonArray())) {
      JsonObject j = (JsonObject) o;
      stones.add(new CalendarCollection.Tombstone(j.getString("href"), j.getLong("sequence")));
    }
    return new CalendarCollection(doc.getString("_id"), doc.getLong(REVISION), doc.getLong("sequence", 0L), props,
        objects, stones, doc.getLong("tombstoneFloor", 0L));
  }
}
