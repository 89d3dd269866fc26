package dev.dovetail.web.publicapi;

import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.web.codec.BookingTypeCodec;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/public/booking-types/{bookingTypeId}}: what the booking page shows about an offer. */
public final class OfferHandler {

  private final PublicCatalog catalog;

  public OfferHandler(PublicCatalog catalog) {
    this.catalog = catalog;
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, catalog.offer(Requests.path(ctx, "bookingTypeId")), 200, BookingTypeCodec::offerJson);
  }
}
