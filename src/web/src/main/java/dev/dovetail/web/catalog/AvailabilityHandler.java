package dev.dovetail.web.catalog;

import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code PUT /api/v1/resources/{resourceId}/availability}: replaces weekly hours, breaks, overrides and holidays. */
public final class AvailabilityHandler {

  private final ManageCatalog catalog;

  public AvailabilityHandler(ManageCatalog catalog) {
    this.catalog = catalog;
  }

  public void set(RoutingContext ctx) {
    var rule = AvailabilityCodec.fromJson(Requests.body(ctx));
    Responses.respond(ctx, catalog.setAvailability(Caller.providerId(ctx), Requests.path(ctx, "resourceId"), rule),
        200, ResourceCodec::toJson);
  }
}
