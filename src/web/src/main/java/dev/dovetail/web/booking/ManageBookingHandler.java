package dev.dovetail.web.booking;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.port.in.ManageBooking;
import dev.dovetail.payment.port.in.CustomerPayments;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.codec.PaymentCodec;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/public/bookings/{manageToken}[/cancel|/reschedule]}: what a customer does through the manage link;
 * the booking carries its payment.
 */
public final class ManageBookingHandler {

  private final ManageBooking manage;
  private final CustomerPayments payments;

  public ManageBookingHandler(ManageBooking manage, CustomerPayments payments) {
    this.manage = manage;
    this.payments = payments;
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, withPayment(ctx, manage.find(token(ctx))), 200, json -> json);
  }

  public void cancel(RoutingContext ctx) {
    String reason = Requests.optionalBody(ctx).getString("reason");
    Responses.respond(ctx, withPayment(ctx, manage.cancelBecause(token(ctx), reason)), 200, json -> json);
  }

  public void reschedule(RoutingContext ctx) {
    var start = TimeCodec.instant(Requests.body(ctx).getString("start"), "start");
    Responses.respond(ctx, withPayment(ctx, manage.reschedule(token(ctx), start)), 200, json -> json);
  }

  private Future<JsonObject> withPayment(RoutingContext ctx, Future<Booking> booking) {
    return booking.compose(b -> payments.find(token(ctx)).map(p -> {
      JsonObject envelope = BookingCodec.envelope(b);
      envelope.getJsonObject("booking").put("payment", p.map(PaymentCodec::payment).orElse(null));
      return envelope;
    }));
  }

  private static String token(RoutingContext ctx) {
    return Requests.path(ctx, "manageToken");
  }
}
