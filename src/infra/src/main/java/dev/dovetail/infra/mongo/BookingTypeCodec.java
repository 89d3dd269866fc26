package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.duration;

import dev.dovetail.booking.domain.BookingLimits;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.PoolMember;
import dev.dovetail.booking.domain.ResourcePool;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {_id, providerId, resourceId, name, durations: ["PT30M"], slotInterval, bufferBefore, bufferAfter,
 * minimumNotice, horizon, maxPerDay, maxPerWeek, price: {minorUnits, currency}, payment, cancellationPolicy:
 * [{notice, refundPercent}], holdDuration, reminders: ["PT24H"], limits: {maxWeeklyOccurrences, holdsPerEmail,
 * holdsPerAddress, holdWindow}, pool: null | {mode, members: [{resourceId, priority}], assignment, customerMayPick,
 * balanceWindow}, details?}, durations as ISO-8601 strings; {@code details} (description, location, questions) as
 * {@link DetailsCodec} writes it. A document written before reminders, limits, pools or details existed reads with the
 * default reminders or limits, no pool and no details.
 */
final class BookingTypeCodec {

  private BookingTypeCodec() {}

  static JsonObject encode(BookingType t) {
    JsonArray durations = new JsonArray();
    t.durations().forEach(d -> durations.add(duration(d)));
    JsonArray reminders = new JsonArray();
    t.reminders().forEach(d -> reminders.add(duration(d)));
    JsonArray tiers = new JsonArray();
    t.cancellationPolicy().forEach(tier -> tiers.add(new JsonObject()
        .put("notice", duration(tier.noticeBeforeStart()))
        .put("refundPercent", tier.refundPercent())));
    JsonObject doc = new JsonObject()
        .put("_id", t.id())
        .put("providerId", t.providerId())
        .put("resourceId", t.resourceId())
        .put("name", t.name())
        .put("durations", durations)
        .put("slotInterval", duration(t.slotInterval()))
        .put("bufferBefore", duration(t.bufferBefore()))
        .put("bufferAfter", duration(t.bufferAfter()))
        .put("minimumNotice", duration(t.minimumNotice()))
        .put("horizon", duration(t.horizon()))
        .put("maxPerDay", t.maxPerDay())
        .put("maxPerWeek", t.maxPerWeek())
        .put("price", new JsonObject().put("minorUnits", t.price().minorUnits()).put("currency", t.price().currency()))
        .put("payment", t.payment().name())
        .put("cancellationPolicy", tiers)
        .put("holdDuration", duration(t.holdDuration()))
        .put("reminders", reminders)
        .put("limits", new JsonObject()
            .put("maxWeeklyOccurrences", t.limits().maxWeeklyOccurrences())
            .put("holdsPerEmail", t.limits().holdsPerEmail())
            .put("holdsPerAddress", t.limits().holdsPerAddress())
            .put("holdWindow", duration(t.limits().holdWindow())))
        .put("pool", t.pool() == null ? null : pool(t.pool()));
    DetailsCodec.putDetails(doc, t.details());
    return doc;
  }

  private static JsonObject pool(ResourcePool pool) {
    JsonArray members = new JsonArray();
    pool.members().forEach(m -> members.add(new JsonObject()
        .put("resourceId", m.resourceId())
        .put("priority", m.priority())));
    return new JsonObject()
        .put("mode", pool.mode().name())
        .put("members", members)
        .put("assignment", pool.assignment().name())
        .put("customerMayPick", pool.customerMayPick())
        .put("balanceWindow", duration(pool.balanceWindow()));
  }

  private static ResourcePool pool(JsonObject doc) {
    JsonObject pool = doc.getJsonObject("pool");
    if (pool == null) {
      return null;
    }
    List<PoolMember> members = new ArrayList<>();
    for (Object item : MongoSupport.array(pool, "members")) {
      JsonObject member = (JsonObject) item;
      members.add(new PoolMember(member.getString("resourceId"), member.getInteger("priority")));
    }
    return new ResourcePool(ResourcePool.Mode.valueOf(pool.getString("mode")), members,
        ResourcePool.Assignment.valueOf(pool.getString("assignment")), pool.getBoolean("customerMayPick"),
        duration(pool, "balanceWindow"));
  }

  private static BookingLimits limits(JsonObject doc) {
    JsonObject limits = doc.getJsonObject("limits");
    return limits == null ? BookingLimits.DEFAULT : new BookingLimits(limits.getInteger("maxWeeklyOccurrences"),
        limits.getInteger("holdsPerEmail"), limits.getInteger("holdsPerAddress"), duration(limits, "holdWindow"));
  }

  static BookingType decode(JsonObject doc) {
    List<Duration> durations = new ArrayList<>();
    for (Object d : MongoSupport.array(doc, "durations")) {
      durations.add(Duration.parse((String) d));
    }
    List<CancellationTier> tiers = new ArrayList<>();
    for (Object item : MongoSupport.array(doc, "cancellationPolicy")) {
      JsonObject tier = (JsonObject) item;
      tiers.add(new CancellationTier(duration(tier, "notice"), tier.getInteger("refundPercent")));
    }
    List<Duration> reminders = BookingType.DEFAULT_REMINDERS;
    if (doc.getJsonArray("reminders") != null) {
      reminders = new ArrayList<>();
      for (Object d : doc.getJsonArray("reminders")) {
        reminders.add(Duration.parse((String) d));
      }
    }
    JsonObject price = doc.getJsonObject("price");
    return new BookingType(
        doc.getString("_id"),
        doc.getString("providerId"),
        doc.getString("resourceId"),
        doc.getString("name"),
        durations,
        duration(doc, "slotInterval"),
        duration(doc, "bufferBefore"),
        duration(doc, "bufferAfter"),
        duration(doc, "minimumNotice"),
        duration(doc, "horizon"),
        doc.getInteger("maxPerDay"),
        doc.getInteger("maxPerWeek"),
        new Money(price.getLong("minorUnits"), price.getString("currency")),
        PaymentRequirement.valueOf(doc.getString("payment")),
        tiers,
        duration(doc, "holdDuration"),
        reminders,
        limits(doc),
        pool(doc),
        DetailsCodec.details(doc));
  }
}
