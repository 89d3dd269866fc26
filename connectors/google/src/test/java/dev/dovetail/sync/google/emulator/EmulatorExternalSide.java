package dev.dovetail.sync.google.emulator;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.testkit.ExternalSide;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's hands on the Google emulator: changes made "as the user" in Google Calendar. */
public final class EmulatorExternalSide implements ExternalSide {

  private final GoogleCalendarEmulator emulator;

  public EmulatorExternalSide(GoogleCalendarEmulator emulator) {
    this.emulator = emulator;
  }

  public static JsonObject timed(TimeRange time, boolean busy) {
    return new JsonObject()
        .put("summary", "Dentist")
        .put("start", new JsonObject().put("dateTime", time.start().toString()))
        .put("end", new JsonObject().put("dateTime", time.end().toString()))
        .put("transparency", busy ? "opaque" : "transparent");
  }

  @Override
  public String create(String calendarId, TimeRange time, boolean busy) {
    return emulator.userInsert(calendarId, timed(time, busy));
  }

  @Override
  public void move(String calendarId, String eventId, TimeRange time) {
    JsonObject current = emulator.storedEvents(calendarId).get(eventId);
    boolean busy = current == null || !"transparent".equals(current.getString("transparency"));
    JsonObject body = current == null ? timed(time, busy) : current.copy();
    body.put("start", new JsonObject().put("dateTime", time.start().toString()))
        .put("end", new JsonObject().put("dateTime", time.end().toString()));
    emulator.userUpdate(calendarId, eventId, body);
  }

  @Override
  public void delete(String calendarId, String eventId) {
    emulator.userDelete(calendarId, eventId);
  }

  @Override
  public Map<String, TimeRange> events(String calendarId) {
    Map<String, TimeRange> out = new LinkedHashMap<>();
    emulator.userView(calendarId).forEach((id, item) -> {
      JsonObject start = item.getJsonObject("start");
      JsonObject end = item.getJsonObject("end");
      if (start != null && start.getString("dateTime") != null) {
        out.put(id, new TimeRange(EmulatedCalendar.instant(start), EmulatedCalendar.instant(end)));
      }
    });
    return out;
  }

  @Override
  public void invalidateTokens(String calendarId) {
    emulator.invalidateSyncTokens(calendarId);
  }
}
