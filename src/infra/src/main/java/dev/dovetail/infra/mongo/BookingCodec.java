package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.putInstant;
import static dev.dovetail.infra.mongo.MongoSupport.requiredInstant;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A booking as a document: {@code {_id, providerId, resourceId, bookingTypeId, start, end, customerZone,
 * customerName, customerEmail, status, holdExpiresAt?, seriesId?, revision, createdAt, updatedAt, resourceIds?}}:
 * {@code resourceIds} only when the booking blocks several resources (every member of an ALL pool, ADR 43);
 * {@code answers?} the customer's answers ({@link DetailsCodec}, ADR 49), absent when there are none;
 * {@code language?} the language the customer booked in, absent for English (a document from before ADR 62 too);
 * {@code cancellationReason?} the customer's reason for cancelling, absent when none (and in older documents, ADR 68).
 * The list cursor is {@code <start millis, 20 digits>_<id>}: the keyset position (start, id) of the last item.
 */
final class BookingCodec {

  /** The name {@code revision} had before ADR 53, still read from documents not written since. */
  static final String LEGACY_REVISION = "sequence";

  private BookingCodec() {}

  static JsonObject encode(Booking b) {
    JsonObject doc = new JsonObject()
        .put("_id", b.id())
        .put("providerId", b.providerId())
        .put("resourceId", b.resourceId())
        .put("bookingTypeId", b.bookingTypeId())
        .put("start", b.time().start().toEpochMilli())
        .put("end", b.time().end().toEpochMilli())
        .put("customerZone", b.customerZone().getId())
        .put("customerName", b.customerName())
        .put("customerEmail", b.customerEmail())
        .put("status", b.status().name());
    putInstant(doc, "holdExpiresAt", b.holdExpiresAt());
    if (b.seriesId() != null) {
      doc.put("seriesId", b.seriesId());
    }
    doc.put(CompareAndSet.REVISION, b.revision());
    putInstant(doc, "createdAt", b.createdAt());
    putInstant(doc, "updatedAt", b.updatedAt());
    if (b.resourceIds().size() > 1) {
      doc.put("resourceIds", new JsonArray(b.resourceIds()));
    }
    DetailsCodec.putAnswers(doc, b.answers());
    if (b.language() != Language.EN) {
      doc.put("language", b.language().tag());
    }
    if (b.cancellationReason() != null) {
      doc.put("cancellationReason", b.cancellationReason());
    }
    return doc;
  }

  static Booking decode(JsonObject doc) {
    return new Booking(
        doc.getString("_id"),
        doc.getString("providerId"),
        doc.getString("resourceId"),
        doc.getString("bookingTypeId"),
        new TimeRange(requiredInstant(doc, "start"), requiredInstant(doc, "end")),
        ZoneId.of(doc.getString("customerZone")),
        doc.getString("customerName"),
        doc.getString("customerEmail"),
        BookingStatus.valueOf(doc.getString("status")),
        MongoSupport.instant(doc, "holdExpiresAt"),
        doc.getString("seriesId"),
        Math.toIntExact(CompareAndSet.revision(doc, LEGACY_REVISION)),
        requiredInstant(doc, "createdAt"),
        requiredInstant(doc, "updatedAt"),
        resourceIds(doc),
        DetailsCodec.answers(doc),
        Language.orEnglish(doc.getString("language")),
        doc.getString("cancellationReason"));
  }

  /** Every resource the booking blocks: {@code resourceIds} when it blocks several (an ALL pool), else its own. */
  private static List<String> resourceIds(JsonObject doc) {
    JsonArray ids = doc.getJsonArray("resourceIds");
    if (ids == null) {
      return List.of(doc.getString("resourceId"));
    }
    List<String> all = new ArrayList<>();
    ids.forEach(id -> all.add((String) id));
    return all;
  }

  static String cursor(Booking b) {
    return String.format("%020d_%s", b.time().start().toEpochMilli(), b.id());
  }

  /** The keyset position of a cursor; anything but a cursor this codec made is refused. */
  record Position(long startMillis, String id) {}

  static Position position(String cursor) {
    int split = cursor.indexOf('_');
    if (split < 1 || split > 21) {
      throw badCursor();
    }
    String id = cursor.substring(split + 1);
    if (!Ids.isSlug(id)) {
      throw badCursor();
    }
    try {
      long millis = Long.parseLong(cursor.substring(0, split));
      Instant.ofEpochMilli(millis);
      return new Position(millis, id);
    } catch (RuntimeException e) {
      throw badCursor();
    }
  }

  private static InvalidRequestException badCursor() {
    return new InvalidRequestException("cursor is not one this list returned");
  }
}
