package dev.dovetail.sync.google.emulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One calendar's state: its events (with tombstones), a change sequence, and an epoch that invalidates every sync token
 * issued before it. Listing follows https://developers.google.com/workspace/calendar/api/guides/sync: full listings
 * leave cancelled events out unless {@code showDeleted}; incremental ones return every change since the token,
 * cancelled ones with minimal fields; with {@code singleEvents} a changed master yields all its instances (cancelled
 * ones when the master was deleted).
 */
final class EmulatedCalendar {

  final String id;
  final String owner;
  final String resourceId;
  final Map<String, StoredEvent> events = new LinkedHashMap<>();
  long seq;
  int epoch;

  EmulatedCalendar(String id, String owner, String resourceId) {
    this.id = id;
    this.owner = owner;
    this.resourceId = resourceId;
  }

  /** The items of a listing, in a stable order. */
  List<JsonObject> list(Long sinceSeq, boolean singleEvents, boolean showDeleted, Instant windowFrom,
      Instant windowTo, Instant timeMin, Instant timeMax) {
    boolean incremental = sinceSeq != null;
    List<JsonObject> items = new ArrayList<>();
    for (StoredEvent e : events.values()) {
      if (incremental && e.seq <= sinceSeq) {
        continue;
      }
      boolean includeCancelled = incremental || showDeleted;
      if (e.recurringEventId != null) {
        // An exception (moved or cancelled instance).
        if (e.cancelled() && !includeCancelled && singleEvents) {
          continue;
        }
        StoredEvent master = events.get(e.recurringEventId);
        if (!incremental && master != null && master.deleted && !showDeleted) {
          continue;
        }
        items.add(e.resource());
        continue;
      }
      if (e.recurringMaster() && singleEvents) {
        for (Instances.Instance i : Instances.expand(e, windowFrom, windowTo)) {
          if (events.containsKey(i.id())) {
            continue; // replaced by its exception
          }
          if (e.cancelled()) {
            if (includeCancelled) {
              items.add(new JsonObject().put("kind", "calendar#event").put("etag", e.etag).put("id", i.id())
                  .put("status", "cancelled").put("recurringEventId", e.id)
                  .put("originalStartTime", i.originalStartTime()));
            }
            continue;
          }
          JsonObject instance = e.resource().put("id", i.id()).put("recurringEventId", e.id)
              .put("originalStartTime", i.originalStartTime()).put("start", i.start()).put("end", i.end());
          instance.remove("recurrence");
          items.add(instance);
        }
        continue;
      }
      if (e.cancelled() && !includeCancelled) {
        continue;
      }
      items.add(e.resource());
    }
    if (timeMin != null || timeMax != null) {
      items.removeIf(item -> !inWindow(item, timeMin, timeMax));
    }
    return items;
  }

  private static boolean inWindow(JsonObject item, Instant timeMin, Instant timeMax) {
    JsonObject start = item.getJsonObject("start");
    JsonObject end = item.getJsonObject("end");
    if (start == null || end == null) {
      return true;
    }
    Instant s = instant(start);
    Instant e = instant(end);
    return (timeMin == null || e.isAfter(timeMin)) && (timeMax == null || s.isBefore(timeMax));
  }

  static Instant instant(JsonObject dateTime) {
    if (dateTime.getString("date") != null) {
      return java.time.LocalDate.parse(dateTime.getString("date")).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
    return Instances.parse(dateTime, java.time.ZoneOffset.UTC).toInstant();
  }
}
