package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.instant;
import static dev.dovetail.infra.mongo.MongoSupport.putInstant;
import static dev.dovetail.infra.mongo.MongoSupport.requiredInstant;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ConnectionState;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.UnreachablePolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calendar-sync documents: connections (blocking choices as an array, since calendar ids contain dots), sync states,
 * booking mirrors and conflicts. The refresh token is stored only sealed.
 */
final class SyncCodec {

  private SyncCodec() {}

  static JsonObject encode(Connection c) {
    JsonArray blocking = new JsonArray();
    c.blocking().forEach((calendar, resources) -> blocking.add(new JsonObject().put("calendarId", calendar)
        .put("resources", new JsonArray(resources.stream().sorted().toList()))));
    JsonObject doc = new JsonObject().put("_id", c.id()).put("providerId", c.providerId())
        .put("provider", c.provider().key()).put("account", c.account()).put("state", c.state().name())
        .put("brokenReason", c.brokenReason()).put("sealedRefreshToken", c.sealedRefreshToken())
        .put("blocking", blocking).put("targetCalendarId", c.targetCalendarId())
        .put("whenUnreachable", c.whenUnreachable().name());
    putInstant(doc, "connectedAt", c.connectedAt());
    putInstant(doc, "updatedAt", c.updatedAt());
    return doc;
  }

  static Connection decodeConnection(JsonObject doc) {
    Map<String, Set<String>> blocking = new LinkedHashMap<>();
    for (Object o : MongoSupport.array(doc, "blocking")) {
      JsonObject b = (JsonObject) o;
      Set<String> resources = new HashSet<>();
      MongoSupport.array(b, "resources").forEach(r -> resources.add(r.toString()));
      blocking.put(b.getString("calendarId"), resources);
    }
    return new Connection(doc.getString("_id"), doc.getString("providerId"),
        CalendarProvider.fromKey(doc.getString("provider")), doc.getString("account"),
        ConnectionState.valueOf(doc.getString("state")), doc.getString("brokenReason"),
        doc.getString("sealedRefreshToken"), blocking, doc.getString("targetCalendarId"),
        UnreachablePolicy.valueOf(doc.getString("whenUnreachable")), requiredInstant(doc, "connectedAt"),
        requiredInstant(doc, "updatedAt"));
  }

  /**
   * A state's field that the channel renewal's index serves (ADR 81): its channel's expiry in epoch milliseconds, or
   * {@link #NO_CHANNEL} (before any expiry) if it has none. Derived from {@code channel}, never read back.
   */
  static final String CHANNEL_EXPIRES_AT = "channelExpiresAt";
  static final long NO_CHANNEL = 0L;

  static JsonObject encode(SyncState s) {
    JsonObject doc = new JsonObject().put("_id", s.key()).put("connectionId", s.connectionId())
        .put("calendarId", s.calendarId()).put("token", s.token()).put("failures", s.failures())
        .put("lastError", s.lastError());
    putInstant(doc, "lastSyncedAt", s.lastSyncedAt());
    putInstant(doc, "nextSyncAt", s.nextSyncAt());
    if (s.channel() != null) {
      JsonObject channel = new JsonObject().put("id", s.channel().id()).put("resourceId", s.channel().resourceId())
          .put("secretHash", s.channel().secretHash());
      putInstant(channel, "expiresAt", s.channel().expiresAt());
      doc.put("channel", channel);
    }
    doc.put(CHANNEL_EXPIRES_AT, s.channel() == null ? NO_CHANNEL : s.channel().expiresAt().toEpochMilli());
    return doc;
  }

  static SyncState decodeState(JsonObject doc) {
    JsonObject c = doc.getJsonObject("channel");
    PushChannel channel = c == null ? null : new PushChannel(c.getString("id"), c.getString("resourceId"),
        c.getString("secretHash"), requiredInstant(c, "expiresAt"));
    return new SyncState(doc.getString("connectionId"), doc.getString("calendarId"), doc.getString("token"),
        instant(doc, "lastSyncedAt"), requiredInstant(doc, "nextSyncAt"), doc.getInteger("failures", 0),
        doc.getString("lastError"), channel);
  }

  static JsonObject encode(BookingMirror m) {
    JsonObject doc = new JsonObject().put("_id", m.key()).put("connectionId", m.connectionId())
        .put("bookingId", m.bookingId()).put("calendarId", m.calendarId()).put("eventId", m.eventId())
        .put("etag", m.etag()).put("requested", m.requested()).put("done", m.done()).put("pending", m.pending())
        .put("attempts", m.attempts()).put("leaseOwner", m.leaseOwner()).put("lastError", m.lastError());
    putInstant(doc, "nextAttemptAt", m.nextAttemptAt());
    putInstant(doc, "leaseUntil", m.leaseUntil());
    putInstant(doc, "createdAt", m.createdAt());
    return doc;
  }

  static BookingMirror decodeMirror(JsonObject doc) {
    return new BookingMirror(doc.getString("connectionId"), doc.getString("bookingId"), doc.getString("calendarId"),
        doc.getString("eventId"), doc.getString("etag"), doc.getLong("requested", 0L), doc.getLong("done", 0L),
        doc.getInteger("attempts", 0), requiredInstant(doc, "nextAttemptAt"), doc.getString("leaseOwner"),
        requiredInstant(doc, "leaseUntil"), doc.getString("lastError"), requiredInstant(doc, "createdAt"));
  }

  static JsonObject encode(BookingConflict c) {
    JsonObject doc = new JsonObject().put("_id", c.bookingId()).put("providerId", c.providerId())
        .put("resourceId", c.resourceId()).put("events", events(c.events()));
    putInstant(doc, "detectedAt", c.detectedAt());
    return doc;
  }

  static JsonArray events(List<BookingConflict.EventSpan> events) {
    JsonArray out = new JsonArray();
    for (BookingConflict.EventSpan e : events) {
      out.add(new JsonObject().put("eventKey", e.eventKey()).put("start", e.span().start().toEpochMilli())
          .put("end", e.span().end().toEpochMilli()));
    }
    return out;
  }

  static BookingConflict decodeConflict(JsonObject doc) {
    List<BookingConflict.EventSpan> events = MongoSupport.array(doc, "events").stream().map(o -> (JsonObject) o)
        .map(e -> new BookingConflict.EventSpan(e.getString("eventKey"), new TimeRange(
            Instant.ofEpochMilli(e.getLong("start")), Instant.ofEpochMilli(e.getLong("end")))))
        .toList();
    return new BookingConflict(doc.getString("_id"), doc.getString("providerId"), doc.getString("resourceId"),
        events, requiredInstant(doc, "detectedAt"));
  }
}
