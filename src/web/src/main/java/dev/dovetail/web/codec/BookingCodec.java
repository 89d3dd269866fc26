package dev.dovetail.web.codec;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.kernel.i18n.Language;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Bookings, booking requests and receipts as JSON. Instants are UTC; {@code localStart} is in the customer's zone. */
public final class BookingCodec {

  private BookingCodec() {}

  public static JsonObject toJson(Booking booking) {
    return new JsonObject()
        .put("id", booking.id())
        .put("bookingTypeId", booking.bookingTypeId())
        .put("resourceId", booking.resourceId())
        .put("resourceIds", new JsonArray(booking.resourceIds()))
        .put("start", booking.time().start().toString())
        .put("end", booking.time().end().toString())
        .put("timeZone", booking.customerZone().getId())
        .put("localStart", booking.time().start().atZone(booking.customerZone()).toLocalDateTime().toString())
        .put("customerName", booking.customerName())
        .put("customerEmail", booking.customerEmail())
        .put("status", booking.status().name())
        .put("holdExpiresAt", TimeCodec.instantText(booking.holdExpiresAt()))
        .put("seriesId", booking.seriesId())
        .put("sequence", booking.revision())
        .put("createdAt", booking.createdAt().toString())
        .put("updatedAt", booking.updatedAt().toString())
        .put("answers", TypeDetailsCodec.toJson(booking.answers()))
        .put("cancellationReason", booking.cancellationReason());
  }

  public static JsonObject envelope(Booking booking) {
    return new JsonObject().put("booking", toJson(booking));
  }

  /** The first booking and its token at the top (the common single booking), and every booking of a series. */
  public static JsonObject receipt(BookingReceipt receipt) {
    JsonArray all = new JsonArray();
    receipt.bookings().forEach(issued -> all.add(new JsonObject()
        .put("booking", toJson(issued.booking()))
        .put("manageToken", issued.manageToken())));
    BookingReceipt.Issued first = receipt.bookings().get(0);
    return new JsonObject()
        .put("booking", toJson(first.booking()))
        .put("manageToken", first.manageToken())
        .put("bookings", all);
  }

  /**
   * A booking request validated by the contract; zone and start are checked here, the rest by the use case. The
   * optional {@code language} (en, de: the booking page's) is the customer's mails' language, English without it.
   */
  public static BookSlotCommand command(String bookingTypeId, JsonObject json, String clientAddress) {
    Instant start = TimeCodec.instant(json.getString("start"), "start");
    Integer minutes = json.getInteger("durationMinutes");
    return new BookSlotCommand(
        bookingTypeId,
        start,
        minutes == null ? null : Duration.ofMinutes(minutes),
        TimeCodec.zone(json.getString("timeZone"), "timeZone"),
        json.getString("name"),
        json.getString("email"),
        json.getBoolean("hold", false),
        json.getInteger("weeklyOccurrences", 1),
        null,
        clientAddress,
        json.getString("resourceId"),
        TypeDetailsCodec.answers(json),
        Language.orEnglish(json.getString("language")));
  }
}
