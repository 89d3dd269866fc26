package dev.dovetail.web.catalog;

import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/public/booking-types/{bookingTypeId}}: what the booking page shows about an offer. On a hub without
 * card payments a type paid online is not advertised as such (ADR 50, 56).
 */
public final class OfferHandler {

  private final PublicCatalog catalog;
  private final boolean cardPayments;

  /** @param cardPayments whether this hub takes card payments */
  public OfferHandler(PublicCatalog catalog, boolean cardPayments) {
    this.catalog = catalog;
    this.cardPayments = cardPayments;
  }

  public void get(RoutingContext ctx) {
    Language language = Language.orEnglish(Requests.query(ctx, "lang"));
    Responses.respond(ctx, catalog.offer(Requests.path(ctx, "bookingTypeId")), 200,
        offer -> BookingTypeCodec.offerJson(offer, cardPayments, language));
  }
}
