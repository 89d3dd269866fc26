package dev.dovetail.outlook.emulator;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.testkit.ExternalSide;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provider's hands on the emulated Outlook calendar, for the common module's contract and properties. */
public final class GraphExternalSide implements ExternalSide {

  private final GraphEmulator graph;

  public GraphExternalSide(GraphEmulator graph) {
    this.graph = graph;
  }

  private static JsonObject utc(Instant at) {
    return new JsonObject().put("dateTime", EmuJson.GRAPH_LOCAL.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)))
        .put("timeZone", "UTC");
  }

  @Override
  public String create(String calendarId, TimeRange time, boolean busy) {
    return graph.createEvent(calendarId, new JsonObject().put("subject", "Personal")
        .put("start", utc(time.start())).put("end", utc(time.end())).put("showAs", busy ? "busy" : "free"))
        .getString("id");
  }

  @Override
  public void move(String calendarId, String eventId, TimeRange time) {
    graph.updateEvent(eventId, new JsonObject().put("start", utc(time.start())).put("end", utc(time.end())));
  }

  @Override
  public void delete(String calendarId, String eventId) {
    graph.deleteEvent(eventId);
  }

  @Override
  public Map<String, TimeRange> events(String calendarId) {
    Map<String, TimeRange> out = new LinkedHashMap<>();
    for (JsonObject e : graph.view(calendarId, Instant.parse("2000-01-01T00:00:00Z"),
        Instant.parse("2100-01-01T00:00:00Z"))) {
      if (e.getString("type").equals("singleInstance")) {
        out.put(e.getString("id"), new TimeRange(instant(e.getJsonObject("start")), instant(e.getJsonObject("end"))));
      }
    }
    return out;
  }

  private static Instant instant(JsonObject utc) {
    return LocalDateTime.parse(utc.getString("dateTime")).toInstant(ZoneOffset.UTC);
  }

  @Override
  public void invalidateTokens(String calendarId) {
    graph.invalidateDelta("syncStateNotFound");
  }
}
