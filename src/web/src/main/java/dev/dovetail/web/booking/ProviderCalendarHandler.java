package dev.dovetail.web.booking;

import dev.dovetail.booking.port.in.ProviderCalendar;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code GET /api/v1/schedule} (the dashboard's day and week grids) and {@code POST /api/v1/bookings} (a booking the
 * provider takes for a customer).
 */
public final class ProviderCalendarHandler {

  private final ProviderCalendar calendar;

  public ProviderCalendarHandler(ProviderCalendar calendar) {
    this.calendar = calendar;
  }

  public void schedule(RoutingContext ctx) {
    Instant from = TimeCodec.instant(Requests.query(ctx, "from"), "from");
    Instant to = TimeCodec.instant(Requests.query(ctx, "to"), "to");
    if (!from.isBefore(to)) {
      throw ApiProblem.badRequest("'from' must be before 'to'");
    }
    Responses.respond(ctx, calendar.schedule(Caller.providerId(ctx), Requests.query(ctx, "resourceId"),
        new TimeRange(from, to)), 200, ScheduleCodec::toJson);
  }

  public void book(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    var command = BookingCodec.command(body.getString("bookingTypeId"), body, null);
    Responses.respond(ctx, calendar.book(Caller.providerId(ctx), command), 201, BookingCodec::receipt);
  }
}
