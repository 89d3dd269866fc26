package dev.dovetail.web.provider;

import dev.dovetail.booking.port.in.ProviderBookings;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/bookings[/{bookingId}[/cancel]]}: the caller's bookings, by start time. */
public final class BookingsHandler {

  private final ProviderBookings bookings;

  public BookingsHandler(ProviderBookings bookings) {
    this.bookings = bookings;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx,
        bookings.list(Caller.providerId(ctx), Requests.query(ctx, "resourceId"), PageCodec.request(ctx)), 200,
        page -> PageCodec.toJson(page, BookingCodec::toJson));
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, bookings.get(Caller.providerId(ctx), id(ctx)), 200, BookingCodec::envelope);
  }

  public void cancel(RoutingContext ctx) {
    Responses.respond(ctx, bookings.cancel(Caller.providerId(ctx), id(ctx)), 200, BookingCodec::envelope);
  }

  private static String id(RoutingContext ctx) {
    return Requests.path(ctx, "bookingId");
  }
}
