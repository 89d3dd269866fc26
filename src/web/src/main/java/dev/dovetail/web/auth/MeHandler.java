package dev.dovetail.web.auth;

import dev.dovetail.account.domain.Principal;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/me}: the calling provider and how it authenticated. */
public final class MeHandler {

  private final ManageCatalog catalog;

  public MeHandler(ManageCatalog catalog) {
    this.catalog = catalog;
  }

  public void get(RoutingContext ctx) {
    var principal = Caller.principal(ctx);
    Responses.respond(ctx, catalog.provider(Caller.providerId(ctx)), 200, provider -> toJson(provider, principal));
  }

  static JsonObject toJson(Provider provider, Principal principal) {
    return new JsonObject()
        .put("providerId", provider.id())
        .put("displayName", provider.displayName())
        .put("email", provider.email())
        .put("timeZone", provider.zone().getId())
        .put("authenticatedVia", principal.via().name());
  }
}
