package dev.dovetail.web.publicapi;

import dev.dovetail.booking.port.in.ManageBooking;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/public/bookings/{manageToken}[/cancel|/reschedule]}: what a customer does through the manage link. */
public final class ManageBookingHandler {

  private final ManageBooking manage;

  public ManageBookingHandler(ManageBooking manage) {
    this.manage = manage;
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, manage.find(token(ctx)), 200, BookingCodec::envelope);
  }

  public void cancel(RoutingContext ctx) {
    Responses.respond(ctx, manage.cancel(token(ctx)), 200, BookingCodec::envelope);
  }

  public void reschedule(RoutingContext ctx) {
    var start = TimeCodec.instant(Requests.body(ctx).getString("start"), "start");
    Responses.respond(ctx, manage.reschedule(token(ctx), start), 200, BookingCodec::envelope);
  }

  private static String token(RoutingContext ctx) {
    return Requests.path(ctx, "manageToken");
  }
}
