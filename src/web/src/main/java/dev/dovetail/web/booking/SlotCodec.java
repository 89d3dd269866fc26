package dev.dovetail.web.booking;

import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.port.in.DayState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/** Free slots as JSON: UTC {@code start}/{@code end}, plus {@code localStart} in the viewer's zone. */
public final class SlotCodec {

  private SlotCodec() {}

  public static JsonObject slotList(List<Slot> slots, ZoneId zone, LocalDate from, LocalDate to, Long minutes) {
    JsonArray array = new JsonArray();
    slots.forEach(slot -> array.add(slot(slot, zone)));
    JsonObject json = new JsonObject()
        .put("slots", array)
        .put("timeZone", zone.getId())
        .put("from", from.toString())
        .put("to", to.toString());
    if (minutes != null) {
      json.put("durationMinutes", minutes);
    }
    return json;
  }

  /** Each date's state, in date order: {@code [{"date": "2026-05-04", "state": "free"|"full"|"closed"}, ...]}. */
  public static JsonArray days(SortedMap<LocalDate, DayState> days) {
    JsonArray array = new JsonArray();
    days.forEach((date, state) -> array.add(new JsonObject().put("date", date.toString())
        .put("state", state.name().toLowerCase(Locale.ROOT))));
    return array;
  }

  static JsonObject slot(Slot slot, ZoneId zone) {
    return new JsonObject()
        .put("start", slot.start().toString())
        .put("end", slot.end().toString())
        .put("localStart", slot.start().atZone(zone).toLocalDateTime().toString());
  }
}
