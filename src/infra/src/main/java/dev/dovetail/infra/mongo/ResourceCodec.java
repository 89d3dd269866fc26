package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code {_id, providerId, name, zone, bookable, availability: {weekly: {MONDAY: [{from: "09:00", to: "17:00"}]},
 * breaks: [...], overrides: [{date: "2026-12-24", windows: [...]}], holidays: ["2026-12-25"]}}}. Wall-clock times
 * are ISO local times ({@code "00:00"} as an end means midnight at the end of the day), dates ISO local dates.
 */
final class ResourceCodec {

  private ResourceCodec() {}

  static JsonObject encode(Resource r) {
    return new JsonObject()
        .put("_id", r.id())
        .put("providerId", r.providerId())
        .put("name", r.name())
        .put("zone", r.zone().getId())
        .put("bookable", r.bookable())
        .put("availability", encode(r.availability()));
  }

  static Resource decode(JsonObject doc) {
    return new Resource(doc.getString("_id"), doc.getString("providerId"), doc.getString("name"),
        ZoneId.of(doc.getString("zone")), doc.getBoolean("bookable"), decodeRule(doc.getJsonObject("availability")));
  }

  static JsonObject encode(AvailabilityRule rule) {
    JsonObject weekly = new JsonObject();
    rule.weeklyHours().forEach((day, windows) -> weekly.put(day.name(), windows(windows)));
    JsonArray overrides = new JsonArray();
    rule.dateOverrides().forEach((date, windows) ->
        overrides.add(new JsonObject().put("date", date.toString()).put("windows", windows(windows))));
    JsonArray holidays = new JsonArray();
    rule.holidays().forEach(date -> holidays.add(date.toString()));
    return new JsonObject()
        .put("weekly", weekly)
        .put("breaks", windows(rule.breaks()))
        .put("overrides", overrides)
        .put("holidays", holidays);
  }

  static AvailabilityRule decodeRule(JsonObject doc) {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    JsonObject weeklyDoc = doc.getJsonObject("weekly", new JsonObject());
    for (String day : weeklyDoc.fieldNames()) {
      weekly.put(DayOfWeek.valueOf(day), windows(weeklyDoc.getJsonArray(day)));
    }
    Map<LocalDate, List<WallClockWindow>> overrides = new LinkedHashMap<>();
    for (Object item : MongoSupport.array(doc, "overrides")) {
      JsonObject o = (JsonObject) item;
      overrides.put(LocalDate.parse(o.getString("date")), windows(o.getJsonArray("windows")));
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (Object item : MongoSupport.array(doc, "holidays")) {
      holidays.add(LocalDate.parse((String) item));
    }
    return new AvailabilityRule(weekly, windows(MongoSupport.array(doc, "breaks")), overrides, holidays);
  }

  private static JsonArray windows(List<WallClockWindow> windows) {
    JsonArray array = new JsonArray();
    for (WallClockWindow w : windows) {
      array.add(new JsonObject().put("from", w.start().toString()).put("to", w.end().toString()));
    }
    return array;
  }

  private static List<WallClockWindow> windows(JsonArray array) {
    List<WallClockWindow> windows = new ArrayList<>();
    if (array != null) {
      for (Object item : array) {
        JsonObject w = (JsonObject) item;
        windows.add(new WallClockWindow(LocalTime.parse(w.getString("from")), LocalTime.parse(w.getString("to"))));
      }
    }
    return windows;
  }
}
