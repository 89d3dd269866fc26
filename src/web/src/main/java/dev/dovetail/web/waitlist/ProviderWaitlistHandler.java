package dev.dovetail.web.waitlist;

import dev.dovetail.waitlist.port.in.ManageWaitlist;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * The provider's waitlist calls: {@code /api/v1/waitlist/entries[/{entryId}[/offer]]}, {@code
 * /api/v1/waitlist/report} and {@code /api/v1/booking-types/{id}/waitlist}; all scoped to the caller's provider.
 */
public final class ProviderWaitlistHandler {

  private final ManageWaitlist waitlist;

  public ProviderWaitlistHandler(ManageWaitlist waitlist) {
    this.waitlist = waitlist;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> waitlist.entries(Caller.providerId(ctx),
            Requests.query(ctx, "bookingTypeId"), PageCodec.request(ctx))), 200,
        page -> PageCodec.toJson(page, WaitlistCodec::toJson));
  }

  public void remove(RoutingContext ctx) {
    Responses.respond(ctx, waitlist.remove(Caller.providerId(ctx), Requests.path(ctx, "entryId")), 200,
        WaitlistCodec::envelope);
  }

  public void offer(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> waitlist.offer(Caller.providerId(ctx),
            Requests.path(ctx, "entryId"), TimeCodec.instant(Requests.body(ctx).getString("start"), "start"))), 201,
        WaitlistCodec::envelope);
  }

  public void report(RoutingContext ctx) {
    Responses.respond(ctx, waitlist.recovered(Caller.providerId(ctx)), 200, WaitlistCodec::report);
  }

  public void settings(RoutingContext ctx) {
    Responses.respond(ctx, waitlist.settings(Caller.providerId(ctx), Requests.path(ctx, "bookingTypeId")), 200,
        WaitlistCodec::settings);
  }

  public void updateSettings(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> waitlist.updateSettings(Caller.providerId(ctx),
        WaitlistCodec.settings(Requests.path(ctx, "bookingTypeId"), Requests.body(ctx)))), 200,
        WaitlistCodec::settings);
  }
}
