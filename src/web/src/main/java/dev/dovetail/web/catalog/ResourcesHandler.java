package dev.dovetail.web.catalog;

import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/resources[/{resourceId}]}: the caller's resources; another provider's are not found. */
public final class ResourcesHandler {

  private final ManageCatalog catalog;

  public ResourcesHandler(ManageCatalog catalog) {
    this.catalog = catalog;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, catalog.resources(Caller.providerId(ctx), PageCodec.request(ctx)), 200,
        page -> PageCodec.toJson(page, ResourceCodec::toJson));
  }

  public void create(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    var resource = ResourceCodec.fromCreate(providerId, Requests.body(ctx));
    Responses.respond(ctx, catalog.createResource(providerId, resource), 201, ResourceCodec::toJson);
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, catalog.resource(Caller.providerId(ctx), id(ctx)), 200, ResourceCodec::toJson);
  }

  public void update(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    var body = Requests.body(ctx);
    Responses.respond(ctx, catalog.resource(providerId, id(ctx))
        .compose(existing -> catalog.updateResource(providerId,
            ResourceCodec.fromUpdate(providerId, existing.id(), body, existing.availability()))),
        200, ResourceCodec::toJson);
  }

  public void delete(RoutingContext ctx) {
    catalog.deleteResource(Caller.providerId(ctx), id(ctx))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private static String id(RoutingContext ctx) {
    return Requests.path(ctx, "resourceId");
  }
}
