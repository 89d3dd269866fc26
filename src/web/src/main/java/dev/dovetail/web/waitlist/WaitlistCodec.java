package dev.dovetail.web.waitlist;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.waitlist.domain.RecoveredBookings;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.domain.Wish;
import dev.dovetail.waitlist.port.in.Waitlist;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;

/** Waitlist entries, join requests, settings and the recovered report as JSON. Instants are UTC. */
public final class WaitlistCodec {

  private WaitlistCodec() {}

  /**
   * A join request validated by the contract: exactly one of {@code date} (with optional from/to) and {@code start};
   * the optional {@code language} (en, de: the booking page's) is the customer's waitlist mails' language.
   */
  static Waitlist.JoinCommand join(String bookingTypeId, JsonObject json) {
    String date = json.getString("date");
    String start = json.getString("start");
    String from = json.getString("from");
    String to = json.getString("to");
    if ((date == null) == (start == null)) {
      throw ApiProblem.badRequest("give either 'date' (with optional 'from' and 'to') or 'start', not both or neither");
    }
    Wish wish;
    if (start != null) {
      if (from != null || to != null) {
        throw ApiProblem.badRequest("'from' and 'to' go with 'date', not with 'start'");
      }
      wish = Wish.slot(TimeCodec.instant(start, "start"));
    } else if (from == null && to == null) {
      wish = Wish.day(TimeCodec.date(date, "date"));
    } else if (from == null || to == null) {
      throw ApiProblem.badRequest("a time window needs both 'from' and 'to'");
    } else {
      LocalDate day = TimeCodec.date(date, "date");
      wish = Wish.window(day, TimeCodec.wallTime(from, "from"), TimeCodec.wallTime(to, "to"));
    }
    return new Waitlist.JoinCommand(bookingTypeId, json.getString("name"), json.getString("email"),
        TimeCodec.zone(json.getString("timeZone"), "timeZone"), wish, Language.orEnglish(json.getString("language")));
  }

  public static JsonObject toJson(WaitlistEntry e) {
    JsonObject wish = new JsonObject();
    if (e.wish().isExactSlot()) {
      wish.put("start", e.wish().exactStart().toString());
    } else {
      wish.put("date", e.wish().date().toString());
      if (e.wish().isWindow()) {
        wish.put("from", e.wish().from().toString()).put("to", e.wish().to().toString());
      }
    }
    SlotOffer o = e.offer();
    return new JsonObject()
        .put("id", e.id())
        .put("bookingTypeId", e.bookingTypeId())
        .put("resourceId", e.resourceId())
        .put("customerName", e.customerName())
        .put("customerEmail", e.customerEmail())
        .put("timeZone", e.customerZone().getId())
        .put("wish", wish)
        .put("status", e.status().name())
        .put("offer", o == null ? null : new JsonObject()
            .put("bookingId", o.bookingId())
            .put("start", o.slot().start().toString())
            .put("end", o.slot().end().toString())
            .put("expiresAt", o.expiresAt().toString())
            .put("byHand", o.byHand()))
        .put("bookingId", e.bookingId())
        .put("recovered", e.recovered() == null ? null : money(e.recovered()))
        .put("joinedAt", e.joinedAt().toString())
        .put("updatedAt", e.updatedAt().toString());
  }

  static JsonObject envelope(WaitlistEntry e) {
    return new JsonObject().put("entry", toJson(e));
  }

  static JsonObject joined(Waitlist.Joined joined) {
    return new JsonObject().put("entry", toJson(joined.entry())).put("leaveToken", joined.leaveToken());
  }

  static JsonObject heldOffer(Waitlist.HeldOffer offer) {
    return new JsonObject()
        .put("bookingTypeId", offer.bookingTypeId())
        .put("start", TimeCodec.instantText(offer.slot().start()))
        .put("end", TimeCodec.instantText(offer.slot().end()))
        .put("heldUntil", TimeCodec.instantText(offer.heldUntil()))
        .put("timeZone", offer.customerZone().getId())
        .put("open", offer.open());
  }

  static JsonObject settings(WaitlistSettings s) {
    return new JsonObject().put("enabled", s.enabled()).put("claimWindowMinutes", s.claimWindow().toMinutes());
  }

  static WaitlistSettings settings(String bookingTypeId, JsonObject json) {
    return new WaitlistSettings(bookingTypeId, json.getBoolean("enabled"),
        Duration.ofMinutes(json.getInteger("claimWindowMinutes")));
  }

  static JsonObject report(RecoveredBookings r) {
    JsonArray value = new JsonArray();
    r.value().forEach(m -> value.add(money(m)));
    return new JsonObject().put("recoveredBookings", r.count()).put("recoveredValue", value);
  }

  private static JsonObject money(Money m) {
    return new JsonObject().put("amountMinor", m.minorUnits()).put("currency", m.currency());
  }
}
