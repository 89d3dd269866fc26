package dev.dovetail.web.booking;

import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.http.ClientAddressHandler;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/public/booking-types/{bookingTypeId}/bookings}: books a slot, a hold, or a weekly series (all or
 * nothing); 201 with the manage tokens, or 409 with the nearest free alternatives. The client address goes along for
 * the type's per-address hold limit (429 beyond it).
 */
public final class CreateBookingHandler {

  private final BookSlot bookSlot;

  public CreateBookingHandler(BookSlot bookSlot) {
    this.bookSlot = bookSlot;
  }

  public void create(RoutingContext ctx) {
    var command = BookingCodec.command(Requests.path(ctx, "bookingTypeId"), Requests.body(ctx),
        ClientAddressHandler.of(ctx));
    Responses.respond(ctx, bookSlot.book(command), 201, BookingCodec::receipt);
  }
}
