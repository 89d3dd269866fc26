package dev.dovetail.sync.google.emulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One event resource as the emulator keeps it: the client's body (without server fields), and the server's etag,
 * change sequence, timestamps and deletion flag. Exceptions of a recurring event carry their master's id and the
 * original start; a deleted event stays as a tombstone (full body kept, shown with minimal fields).
 */
final class StoredEvent {

  final String id;
  JsonObject body;
  String etag;
  long seq;
  final Instant created;
  Instant updated;
  boolean deleted;
  final String recurringEventId;
  final JsonObject originalStartTime;
  final String iCalUid;

  StoredEvent(String id, JsonObject body, String recurringEventId, JsonObject originalStartTime, String iCalUid,
      Instant now) {
    this.id = id;
    this.body = body;
    this.recurringEventId = recurringEventId;
    this.originalStartTime = originalStartTime;
    this.iCalUid = iCalUid;
    this.created = now;
    this.updated = now;
  }

  boolean recurringMaster() {
    return recurringEventId == null && body.getJsonArray("recurrence") != null
        && !body.getJsonArray("recurrence").isEmpty();
  }

  boolean cancelled() {
    return deleted || "cancelled".equals(body.getString("status"));
  }

  boolean transparent() {
    return "transparent".equals(body.getString("transparency"));
  }

  /** The resource as events.get and events.list show it. */
  JsonObject resource() {
    if (cancelled()) {
      return minimal();
    }
    JsonObject out = body.copy()
        .put("kind", "calendar#event")
        .put("id", id)
        .put("etag", etag)
        .put("status", body.getString("status", "confirmed"))
        .put("iCalUID", iCalUid)
        .put("created", created.toString())
        .put("updated", updated.toString());
    if (recurringEventId != null) {
      out.put("recurringEventId", recurringEventId).put("originalStartTime", originalStartTime.copy());
    }
    return out;
  }

  /** A cancelled event as Google reports it: only ids (and, for an instance, its master and original start). */
  JsonObject minimal() {
    JsonObject out = new JsonObject().put("kind", "calendar#event").put("etag", etag).put("id", id)
        .put("status", "cancelled");
    if (recurringEventId != null) {
      out.put("recurringEventId", recurringEventId).put("originalStartTime", originalStartTime.copy());
    }
    return out;
  }
}
