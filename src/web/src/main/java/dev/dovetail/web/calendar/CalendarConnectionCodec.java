package dev.dovetail.web.calendar;

import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.port.in.ManageConnections;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON of calendar connections (never the refresh token), external calendars and the provider's choice. */
public final class CalendarConnectionCodec {

  private CalendarConnectionCodec() {}

  static CalendarProvider service(String key) {
    try {
      return CalendarProvider.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("calendar service", key);
    }
  }

  static JsonObject views(List<ManageConnections.ConnectionView> views, Set<CalendarProvider> available) {
    JsonArray items = new JsonArray();
    JsonArray conflicts = new JsonArray();
    for (ManageConnections.ConnectionView v : views) {
      items.add(connection(v.connection(), v.calendars()));
    }
    if (!views.isEmpty()) {
      for (BookingConflict c : views.get(0).conflicts()) {
        JsonArray events = new JsonArray();
        c.events().forEach(e -> events.add(new JsonObject().put("start", e.span().start().toString())
            .put("end", e.span().end().toString())));
        conflicts.add(new JsonObject().put("bookingId", c.bookingId()).put("resourceId", c.resourceId())
            .put("detectedAt", c.detectedAt().toString()).put("events", events));
      }
    }
    JsonArray services = new JsonArray();
    available.stream().map(CalendarProvider::key).sorted().forEach(services::add);
    return new JsonObject().put("items", items).put("conflictingBookings", conflicts)
        .put("availableServices", services);
  }

  public static JsonObject connection(Connection c, List<SyncState> states) {
    JsonArray blocking = new JsonArray();
    c.blocking().forEach((calendar, resources) -> {
      SyncState state = states.stream().filter(s -> s.calendarId().equals(calendar)).findFirst().orElse(null);
      JsonObject entry = new JsonObject().put("calendarId", calendar)
          .put("resourceIds", new JsonArray(resources.stream().sorted().toList()));
      if (state != null) {
        entry.put("lastSyncedAt", state.lastSyncedAt() == null ? null : state.lastSyncedAt().toString())
            .put("failures", state.failures()).put("lastError", state.lastError())
            .put("push", state.channel() != null);
      }
      blocking.add(entry);
    });
    return new JsonObject().put("service", c.provider().key()).put("account", c.account())
        .put("state", c.state().name()).put("brokenReason", c.brokenReason()).put("blocking", blocking)
        .put("targetCalendarId", c.targetCalendarId()).put("whenUnreachable", c.whenUnreachable().name())
        .put("connectedAt", c.connectedAt().toString()).put("updatedAt", c.updatedAt().toString());
  }

  static JsonObject calendars(List<ExternalCalendar> calendars) {
    JsonArray items = new JsonArray();
    calendars.forEach(c -> items.add(new JsonObject().put("id", c.id()).put("name", c.name())
        .put("primary", c.primary()).put("writable", c.writable())));
    return new JsonObject().put("items", items);
  }

  static ManageConnections.Choice choice(JsonObject body) {
    Map<String, Set<String>> blocking = new LinkedHashMap<>();
    for (Object o : body.getJsonArray("blocking", new JsonArray())) {
      JsonObject b = (JsonObject) o;
      Set<String> resources = new LinkedHashSet<>();
      b.getJsonArray("resourceIds", new JsonArray()).forEach(r -> resources.add(r.toString()));
      if (blocking.put(b.getString("calendarId"), resources) != null) {
        throw ApiProblem.badRequest("calendar " + b.getString("calendarId") + " is listed twice");
      }
    }
    String policy = body.getString("whenUnreachable", UnreachablePolicy.ACCEPT_LAST_SYNCED.name());
    return new ManageConnections.Choice(blocking, body.getString("targetCalendarId"),
        UnreachablePolicy.valueOf(policy));
  }
}
