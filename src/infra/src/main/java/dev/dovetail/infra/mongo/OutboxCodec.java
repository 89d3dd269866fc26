package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.putInstant;
import static dev.dovetail.infra.mongo.MongoSupport.requiredInstant;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * An outbox message as a document: {@code {_id, providerId, bookingId, bookingSequence, kind, reminderLead?,
 * recipient, dueAt, state, attempts, nextAttemptAt, leaseOwner?, leaseUntil, lastError?, createdAt, sentAt?}}.
 * {@code leaseUntil} is always present (0 when nobody holds it), so "no live lease" is one {@code $lte} comparison.
 * The list cursor is {@code <dueAt millis, 20 digits>_<id>}.
 */
final class OutboxCodec {

  private OutboxCodec() {}

  static JsonObject encode(OutboundMessage m) {
    JsonObject doc = new JsonObject()
        .put("_id", m.id())
        .put("providerId", m.providerId())
        .put("bookingId", m.bookingId())
        .put("bookingSequence", m.bookingSequence())
        .put("kind", m.kind().name());
    if (m.reminderLead() != null) {
      doc.put("reminderLead", MongoSupport.duration(m.reminderLead()));
    }
    doc.put("recipient", m.recipient())
        .put("dueAt", m.dueAt().toEpochMilli())
        .put("state", m.state().name())
        .put("attempts", m.attempts())
        .put("nextAttemptAt", m.nextAttemptAt().toEpochMilli());
    if (m.leaseOwner() != null) {
      doc.put("leaseOwner", m.leaseOwner());
    }
    doc.put("leaseUntil", m.leaseUntil().toEpochMilli());
    if (m.lastError() != null) {
      doc.put("lastError", m.lastError());
    }
    putInstant(doc, "createdAt", m.createdAt());
    putInstant(doc, "sentAt", m.sentAt());
    if (m.note() != null) {
      doc.put("note", m.note());
    }
    return doc;
  }

  static OutboundMessage decode(JsonObject doc) {
    String lead = doc.getString("reminderLead");
    return new OutboundMessage(
        doc.getString("_id"),
        doc.getString("providerId"),
        doc.getString("bookingId"),
        doc.getInteger("bookingSequence"),
        MessageKind.valueOf(doc.getString("kind")),
        lead == null ? null : Duration.parse(lead),
        doc.getString("recipient"),
        requiredInstant(doc, "dueAt"),
        MessageState.valueOf(doc.getString("state")),
        doc.getInteger("attempts"),
        requiredInstant(doc, "nextAttemptAt"),
        doc.getString("leaseOwner"),
        requiredInstant(doc, "leaseUntil"),
        doc.getString("lastError"),
        requiredInstant(doc, "createdAt"),
        MongoSupport.instant(doc, "sentAt"),
        doc.getString("note"));
  }

  static String cursor(OutboundMessage m) {
    return String.format("%020d_%s", m.dueAt().toEpochMilli(), m.id());
  }

  record Position(long dueMillis, String id) {}

  static Position position(String cursor) {
    int split = cursor.indexOf('_');
    if (split != 20 || !Ids.isSlug(cursor.substring(split + 1))) {
      throw badCursor();
    }
    try {
      long millis = Long.parseLong(cursor.substring(0, split));
      if (millis < 0) {
        throw badCursor();
      }
      Instant.ofEpochMilli(millis);
      return new Position(millis, cursor.substring(split + 1));
    } catch (NumberFormatException e) {
      throw badCursor();
    }
  }

  private static InvalidRequestException badCursor() {
    return new InvalidRequestException("cursor is not one this list returned");
  }
}
