package dev.dovetail.web.waitlist;

import dev.dovetail.waitlist.port.in.Waitlist;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * The customer's waitlist calls: {@code POST /api/v1/public/booking-types/{id}/waitlist} (join), {@code POST
 * /api/v1/public/waitlist/leave/{token}}, {@code GET} (what is held) and {@code POST} (claim it) {@code
 * /api/v1/public/waitlist/claim/{token}}.
 */
public final class WaitlistHandler {

  private final Waitlist waitlist;

  public WaitlistHandler(Waitlist waitlist) {
    this.waitlist = waitlist;
  }

  public void join(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> waitlist.join(
        WaitlistCodec.join(Requests.path(ctx, "bookingTypeId"), Requests.body(ctx)))), 201, WaitlistCodec::joined);
  }

  public void leave(RoutingContext ctx) {
    Responses.respond(ctx, waitlist.leave(Requests.path(ctx, "waitlistToken")), 200, WaitlistCodec::envelope);
  }

  public void heldOffer(RoutingContext ctx) {
    Responses.respond(ctx, waitlist.offerOf(Requests.path(ctx, "waitlistToken")), 200, WaitlistCodec::heldOffer);
  }

  public void claim(RoutingContext ctx) {
    Responses.respond(ctx, waitlist.claim(Requests.path(ctx, "waitlistToken")), 201, BookingCodec::receipt);
  }
}
