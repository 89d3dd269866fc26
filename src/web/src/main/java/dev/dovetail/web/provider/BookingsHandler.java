package dev.dovetail.web.provider;

import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.booking.port.in.ProviderBookings;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** {@code /api/v1/bookings[/{bookingId}[/cancel]]}: the caller's bookings, by start time. */
public final class BookingsHandler {

  private static final Instant OPEN_END = Instant.parse("9999-12-31T00:00:00Z");

  private final ProviderBookings bookings;

  public BookingsHandler(ProviderBookings bookings) {
    this.bookings = bookings;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx,
        bookings.list(Caller.providerId(ctx), Requests.query(ctx, "resourceId"), window(ctx), PageCodec.request(ctx)),
        200, page -> PageCodec.toJson(page, BookingCodec::toJson));
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
    Responses.respond(ctx, bookings.get(Caller.providerId(ctx), id(ctx)), 200, BookingCodec::envelope);
  }

  public void cancel(RoutingContext ctx) {
    Responses.respond(ctx, bookings.cancel(Caller.providerId(ctx), id(ctx)), 200, BookingCodec::envelope);
  }

  private static String id(RoutingContext ctx) {
    return Requests.path(ctx, "bookingId");
  }
}
