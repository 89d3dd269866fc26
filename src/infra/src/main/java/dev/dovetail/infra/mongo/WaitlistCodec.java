package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.putInstant;
import static dev.dovetail.infra.mongo.MongoSupport.requiredInstant;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.domain.Wish;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A waitlist entry as a document: {@code {_id, providerId, resourceId, bookingTypeId, customerName, customerEmail,
 * customerZone, language?, wish: {date?, from?, to?, exactStart?}, status, offer?: {bookingId, start, end, expiresAt, byHand},
 * passed: [millis], recovered?: {minorUnits, currency}, bookingId?, joinedAt, updatedAt, revision}}; settings as
 * {@code {_id: bookingTypeId, enabled, claimWindow}}. Instants in epoch milliseconds. {@code language} is the one the
 * customer joined in, absent for English (so a document from before ADR 65 reads as English).
 */
final class WaitlistCodec {

  /** The name {@code revision} had before ADR 53, still read from documents not written since. */
  static final String LEGACY_REVISION = "sequence";

  private WaitlistCodec() {}

  static JsonObject encode(WaitlistEntry e) {
    JsonObject doc = new JsonObject()
        .put("_id", e.id())
        .put("providerId", e.providerId())
        .put("resourceId", e.resourceId())
        .put("bookingTypeId", e.bookingTypeId())
        .put("customerName", e.customerName())
        .put("customerEmail", e.customerEmail())
        .put("customerZone", e.customerZone().getId())
        .put("wish", wish(e.wish()))
        .put("status", e.status().name());
    if (e.language() != Language.EN) {
      doc.put("language", e.language().tag());
    }
    if (e.offer() != null) {
      SlotOffer o = e.offer();
      doc.put("offer", new JsonObject()
          .put("bookingId", o.bookingId())
          .put("start", o.slot().start().toEpochMilli())
          .put("end", o.slot().end().toEpochMilli())
          .put("expiresAt", o.expiresAt().toEpochMilli())
          .put("byHand", o.byHand()));
    }
    JsonArray passed = new JsonArray();
    e.passed().forEach(i -> passed.add(i.toEpochMilli()));
    doc.put("passed", passed);
    if (e.recovered() != null) {
      doc.put("recovered", new JsonObject().put("minorUnits", e.recovered().minorUnits())
          .put("currency", e.recovered().currency()));
    }
    if (e.bookingId() != null) {
      doc.put("bookingId", e.bookingId());
    }
    putInstant(doc, "joinedAt", e.joinedAt());
    putInstant(doc, "updatedAt", e.updatedAt());
    return doc.put(CompareAndSet.REVISION, e.revision());
  }

  static WaitlistEntry decode(JsonObject doc) {
    JsonObject o = doc.getJsonObject("offer");
    SlotOffer offer = o == null ? null : new SlotOffer(o.getString("bookingId"),
        new TimeRange(requiredInstant(o, "start"), requiredInstant(o, "end")), requiredInstant(o, "expiresAt"),
        o.getBoolean("byHand", false));
    List<Instant> passed = new ArrayList<>();
    MongoSupport.array(doc, "passed").forEach(v -> passed.add(Instant.ofEpochMilli(((Number) v).longValue())));
    JsonObject r = doc.getJsonObject("recovered");
    return new WaitlistEntry(
        doc.getString("_id"),
        doc.getString("providerId"),
        doc.getString("resourceId"),
        doc.getString("bookingTypeId"),
        doc.getString("customerName"),
        doc.getString("customerEmail"),
        ZoneId.of(doc.getString("customerZone")),
        Language.orEnglish(doc.getString("language")),
        wish(doc.getJsonObject("wish")),
        EntryStatus.valueOf(doc.getString("status")),
        offer,
        passed,
        r == null ? null : new Money(r.getLong("minorUnits"), r.getString("currency")),
        doc.getString("bookingId"),
        requiredInstant(doc, "joinedAt"),
        requiredInstant(doc, "updatedAt"),
        Math.toIntExact(CompareAndSet.revision(doc, LEGACY_REVISION)));
  }

  static JsonObject encode(WaitlistSettings s) {
    return new JsonObject().put("_id", s.bookingTypeId()).put("enabled", s.enabled())
        .put("claimWindow", MongoSupport.duration(s.claimWindow()));
  }

  static WaitlistSettings decodeSettings(JsonObject doc) {
    return new WaitlistSettings(doc.getString("_id"), doc.getBoolean("enabled"),
        MongoSupport.duration(doc, "claimWindow"));
  }

  static String cursor(WaitlistEntry e) {
    return String.format("%020d_%s", e.joinedAt().toEpochMilli(), e.id());
  }

  private static JsonObject wish(Wish w) {
    JsonObject doc = new JsonObject();
    if (w.exactStart() != null) {
      return doc.put("exactStart", w.exactStart().toEpochMilli());
    }
    doc.put("date", w.date().toString());
    if (w.from() != null) {
      doc.put("from", w.from().toString()).put("to", w.to().toString());
    }
    return doc;
  }

  private static Wish wish(JsonObject doc) {
    if (doc.containsKey("exactStart")) {
      return Wish.slot(requiredInstant(doc, "exactStart"));
    }
    LocalDate date = LocalDate.parse(doc.getString("date"));
    return doc.containsKey("from")
        ? Wish.window(date, LocalTime.parse(doc.getString("from")), LocalTime.parse(doc.getString("to")))
        : Wish.day(date);
  }
}
