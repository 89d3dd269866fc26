package dev.dovetail.web.booking;

import dev.dovetail.booking.port.in.ManageBooking;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.web.http.Requests;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * {@code GET /api/v1/public/bookings/{manageToken}/ics}: the booking as an iCalendar file, for the confirmation
 * page's "add to calendar" link. A cancelled booking answers a cancelled event, so re-importing it updates the entry.
 */
public final class BookingIcsHandler {

  private final ManageBooking manage;
  private final PublicCatalog catalog;
  private final Clock clock;

  public BookingIcsHandler(ManageBooking manage, PublicCatalog catalog, Clock clock) {
    this.manage = manage;
    this.catalog = catalog;
    this.clock = clock;
  }

  public void get(RoutingContext ctx) {
    manage.find(Requests.path(ctx, "manageToken"))
        .compose(booking -> catalog.offer(booking.bookingTypeId())
            .map(offer -> IcsCodec.calendar(booking, offer, clock.instant())))
        .onSuccess(ics -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"booking.ics\"")
            .end(ics))
        .onFailure(ctx::fail);
  }
}
