package dev.dovetail.web.booking;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.port.in.ProviderBookings;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.codec.PaymentCodec;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** {@code /api/v1/bookings[/{bookingId}[/cancel|/reschedule]]}: the caller's bookings, by start time, with their payments. */
public final class BookingsHandler {

  private static final Instant OPEN_END = Instant.parse("9999-12-31T00:00:00Z");

  private final ProviderBookings bookings;
  private final ProviderPayments payments;

  public BookingsHandler(ProviderBookings bookings, ProviderPayments payments) {
    this.bookings = bookings;
    this.payments = payments;
  }

  public void list(RoutingContext ctx) {
    String provider = Caller.providerId(ctx);
    Future<JsonObject> page = bookings.list(provider, Requests.query(ctx, "resourceId"), window(ctx),
            PageCodec.request(ctx))
        .compose(found -> payments.payments(provider, found.items().stream().map(Booking::id).toList())
            .map(paid -> PageCodec.toJson(found, b -> BookingCodec.toJson(b)
                .put("payment", paid.containsKey(b.id()) ? PaymentCodec.payment(paid.get(b.id())) : null))));
    Responses.respond(ctx, page, 200, json -> json);
  }

  /** The optional {@code from}/{@code to} filter: bookings overlapping [from, to); either end may be left open. */
  private static TimeRange window(RoutingContext ctx) {
    String from = Requests.query(ctx, "from");
    String to = Requests.query(ctx, "to");
    if (from == null && to == null) {
      return null;
    }
    Instant start = from == null ? Instant.EPOCH : TimeCodec.instant(from, "from");
    Instant end = to == null ? OPEN_END : TimeCodec.instant(to, "to");
    if (!start.isBefore(end)) {
      throw ApiProblem.badRequest("'from' must be before 'to'");
    }
    return new TimeRange(start, end);
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, withPayment(Caller.providerId(ctx), bookings.get(Caller.providerId(ctx), id(ctx))), 200,
        json -> json);
  }

  public void cancel(RoutingContext ctx) {
    String message = Requests.optionalBody(ctx).getString("message");
    Responses.respond(ctx, withPayment(Caller.providerId(ctx),
        bookings.cancel(Caller.providerId(ctx), id(ctx), message)), 200, json -> json);
  }

  public void reschedule(RoutingContext ctx) {
    Instant start = TimeCodec.instant(Requests.body(ctx).getString("start"), "start");
    Responses.respond(ctx, withPayment(Caller.providerId(ctx),
        bookings.reschedule(Caller.providerId(ctx), id(ctx), start)), 200, json -> json);
  }

  private Future<JsonObject> withPayment(String provider, Future<Booking> booking) {
    return booking.compose(b -> payments.payment(provider, b.id()).map(p -> {
      JsonObject envelope = BookingCodec.envelope(b);
      envelope.getJsonObject("booking").put("payment", p.map(PaymentCodec::payment).orElse(null));
      return envelope;
    }));
  }

  private static String id(RoutingContext ctx) {
    return Requests.path(ctx, "bookingId");
  }
}
