package dev.dovetail.web.account;

import dev.dovetail.account.domain.Principal;
import dev.dovetail.booking.domain.BrandColour;
import dev.dovetail.booking.domain.LogoRef;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/me}: the calling provider (with its brand, ADR 57), how it authenticated, and whether this hub takes card payments (the
 * dashboard offers online payment only then).
 */
public final class MeHandler {

  private final ManageCatalog catalog;
  private final ProviderPayments payments;

  public MeHandler(ManageCatalog catalog, ProviderPayments payments) {
    this.catalog = catalog;
    this.payments = payments;
  }

  public void get(RoutingContext ctx) {
    var principal = Caller.principal(ctx);
    Responses.respond(ctx, catalog.provider(Caller.providerId(ctx)), 200,
        provider -> toJson(provider, principal, payments));
  }

  /** The provider as {@code GET} and {@code PATCH /api/v1/me} answer it; {@code cardPayments} is the hub's, read-only. */
  static JsonObject toJson(Provider provider, Principal principal, ProviderPayments payments) {
    BrandColour colour = provider.brand().colour();
    LogoRef logo = provider.brand().logo();
    return new JsonObject()
        .put("providerId", provider.id())
        .put("displayName", provider.displayName())
        .put("email", provider.email())
        .put("timeZone", provider.zone().getId())
        .put("authenticatedVia", principal.via().name())
        .put("cardPayments", payments.takesCardPayments())
        .put("brandColour", colour == null ? null : colour.hex())
        .put("brandTextColour", colour == null ? null : colour.textColour())
        .put("language", provider.brand().language())
        .put("logoUrl", logo == null ? null : logo.path(provider.id()));
  }
}
