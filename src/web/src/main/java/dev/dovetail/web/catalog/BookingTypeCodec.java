package dev.dovetail.web.catalog;

import dev.dovetail.booking.domain.BookingLimits;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.CancellationPolicyText;
import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.port.in.PublicCatalog.Offer;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.web.codec.PoolCodec;
import dev.dovetail.web.codec.TypeDetailsCodec;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Booking types as JSON, every length in whole units named by the field ({@code durationsMinutes}, {@code
 * horizonDays}, ...). Optional fields take documented defaults: slot interval = first duration, no buffers, notice or
 * limits, a 365-day horizon, free (0 EUR, no payment), no cancellation tiers, 10-minute holds, reminders 24 h and
 * 1 h before the start ({@code remindersMinutes}), {@link BookingLimits#DEFAULT} abuse limits ({@code limits}), no
 * pool ({@code pool}, {@link PoolCodec}), no description, location or questions ({@link TypeDetailsCodec}).
 */
public final class BookingTypeCodec {

  static final int DEFAULT_HORIZON_DAYS = 365;
  static final int DEFAULT_HOLD_MINUTES = 10;

  private BookingTypeCodec() {}

  public static JsonObject toJson(BookingType type) {
    JsonArray tiers = new JsonArray();
    type.cancellationPolicy().forEach(t -> tiers.add(new JsonObject()
        .put("noticeHours", t.noticeBeforeStart().toHours())
        .put("refundPercent", t.refundPercent())));
    JsonObject json = new JsonObject()
        .put("id", type.id())
        .put("resourceId", type.resourceId())
        .put("name", type.name())
        .put("durationsMinutes", minutes(type.durations()))
        .put("slotIntervalMinutes", type.slotInterval().toMinutes())
        .put("bufferBeforeMinutes", type.bufferBefore().toMinutes())
        .put("bufferAfterMinutes", type.bufferAfter().toMinutes())
        .put("minimumNoticeMinutes", type.minimumNotice().toMinutes())
        .put("horizonDays", type.horizon().toDays())
        .put("maxPerDay", type.maxPerDay())
        .put("maxPerWeek", type.maxPerWeek())
        .put("price", money(type.price()))
        .put("payment", type.payment().name())
        .put("cancellationPolicy", tiers)
        .put("holdMinutes", type.holdDuration().toMinutes())
        .put("remindersMinutes", minutes(type.reminders()))
        .put("limits", limits(type.limits()))
        .put("pool", type.pool() == null ? null : PoolCodec.toJson(type.pool()));
    return TypeDetailsCodec.put(json, type.details());
  }

  private static JsonObject limits(BookingLimits limits) {
    return new JsonObject()
        .put("maxWeeklyOccurrences", limits.maxWeeklyOccurrences())
        .put("holdsPerEmail", limits.holdsPerEmail())
        .put("holdsPerAddress", limits.holdsPerAddress())
        .put("holdWindowMinutes", limits.holdWindow().toMinutes());
  }

  /** {@code limits}; absent fields take {@link BookingLimits#DEFAULT}'s values. */
  private static BookingLimits limits(JsonObject json) {
    JsonObject limits = json.getJsonObject("limits", new JsonObject());
    BookingLimits d = BookingLimits.DEFAULT;
    return new BookingLimits(
        limits.getInteger("maxWeeklyOccurrences", d.maxWeeklyOccurrences()),
        limits.getInteger("holdsPerEmail", d.holdsPerEmail()),
        limits.getInteger("holdsPerAddress", d.holdsPerAddress()),
        Duration.ofMinutes(limits.getLong("holdWindowMinutes", d.holdWindow().toMinutes())));
  }

  /**
   * What the public booking page may know: no buffers, limits or internal ids beyond what it needs. A type paid online
   * on a hub without card payments ({@code cardPayments} false) says {@code "payment": "NONE"} and {@code
   * "bookableOnline": false}: nothing can be paid here, and booking it is refused (ADR 50, 56). {@code
   * cancellationPolicyText} is the policy in plain words in {@code language}, as the booking page says it (ADR 68).
   */
  public static JsonObject offerJson(Offer offer, boolean cardPayments, Language language) {
    BookingType type = offer.type();
    boolean bookable = type.payment() == PaymentRequirement.NONE || cardPayments;
    JsonObject json = new JsonObject()
        .put("id", type.id())
        .put("name", type.name())
        .put("durationsMinutes", minutes(type.durations()))
        .put("slotIntervalMinutes", type.slotInterval().toMinutes())
        .put("minimumNoticeMinutes", type.minimumNotice().toMinutes())
        .put("horizonDays", type.horizon().toDays())
        .put("price", money(type.price()))
        .put("payment", bookable ? type.payment().name() : PaymentRequirement.NONE.name())
        .put("bookableOnline", bookable)
        .put("cancellationPolicyText", CancellationPolicyText.of(type, language))
        .put("provider", new JsonObject()
            .put("handle", offer.provider().id())
            .put("displayName", offer.provider().displayName()))
        .put("resource", new JsonObject()
            .put("id", offer.resource().id())
            .put("name", offer.resource().name())
            .put("timeZone", offer.resource().zone().getId()))
        .put("pool", type.pool() == null ? null : PoolCodec.offerJson(type.pool(), offer.members()));
    return TypeDetailsCodec.put(json, type.details());
  }

  /** A booking type of the caller from a create (id from the body or generated) or update (id from the path). */
  public static BookingType fromJson(String providerId, String id, JsonObject json) {
    String typeId = id != null ? id : json.getString("id", Ids.random());
    try {
      List<Duration> durations = new ArrayList<>();
      JsonArray durationJson = json.getJsonArray("durationsMinutes", new JsonArray());
      for (int i = 0; i < durationJson.size(); i++) {
        durations.add(Duration.ofMinutes(durationJson.getLong(i)));
      }
      if (durations.isEmpty()) {
        throw ApiProblem.badRequest("'durationsMinutes' needs at least one duration");
      }
      List<CancellationTier> tiers = new ArrayList<>();
      JsonArray tierJson = json.getJsonArray("cancellationPolicy", new JsonArray());
      for (int i = 0; i < tierJson.size(); i++) {
        JsonObject tier = tierJson.getJsonObject(i);
        tiers.add(new CancellationTier(Duration.ofHours(tier.getLong("noticeHours")), tier.getInteger("refundPercent")));
      }
      JsonObject price = json.getJsonObject("price", new JsonObject().put("amountMinor", 0).put("currency", "EUR"));
      return new BookingType(typeId, providerId, json.getString("resourceId"), json.getString("name"), durations,
          Duration.ofMinutes(json.getLong("slotIntervalMinutes", durations.get(0).toMinutes())),
          Duration.ofMinutes(json.getLong("bufferBeforeMinutes", 0L)),
          Duration.ofMinutes(json.getLong("bufferAfterMinutes", 0L)),
          Duration.ofMinutes(json.getLong("minimumNoticeMinutes", 0L)),
          Duration.ofDays(json.getLong("horizonDays", (long) DEFAULT_HORIZON_DAYS)),
          json.getInteger("maxPerDay", 0), json.getInteger("maxPerWeek", 0),
          new Money(price.getLong("amountMinor"), price.getString("currency")),
          PaymentRequirement.valueOf(json.getString("payment", PaymentRequirement.NONE.name())),
          tiers,
          Duration.ofMinutes(json.getLong("holdMinutes", (long) DEFAULT_HOLD_MINUTES)),
          reminders(json),
          limits(json),
          PoolCodec.fromJson(json.getJsonObject("pool")),
          TypeDetailsCodec.fromJson(json));
    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
      throw ApiProblem.badRequest(String.valueOf(e.getMessage()));
    }
  }

  /** {@code remindersMinutes}, e.g. {@code [1440, 60]}; absent means the default (24 h and 1 h), {@code []} none. */
  private static List<Duration> reminders(JsonObject json) {
    JsonArray leads = json.getJsonArray("remindersMinutes");
    if (leads == null) {
      return BookingType.DEFAULT_REMINDERS;
    }
    List<Duration> reminders = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      reminders.add(Duration.ofMinutes(leads.getLong(i)));
    }
    return reminders;
  }

  static JsonObject money(Money money) {
    return new JsonObject().put("amountMinor", money.minorUnits()).put("currency", money.currency());
  }

  private static JsonArray minutes(List<Duration> durations) {
    JsonArray array = new JsonArray();
    durations.forEach(d -> array.add(d.toMinutes()));
    return array;
  }
}
