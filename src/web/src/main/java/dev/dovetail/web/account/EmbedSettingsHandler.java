package dev.dovetail.web.account;

import dev.dovetail.account.port.in.ManageAccount;
import dev.dovetail.booking.domain.EmbedOrigins;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET/PUT /api/v1/embed-settings}: the origins that may frame the calling provider's booking pages (ADR 45),
 * with the absolute addresses under the hub's public URL that the dashboard's share panel shows.
 */
public final class EmbedSettingsHandler {

  private final ManageCatalog catalog;
  private final ManageAccount account;
  private final String publicUrl;

  public EmbedSettingsHandler(ManageCatalog catalog, ManageAccount account, String publicUrl) {
    this.catalog = catalog;
    this.account = account;
    this.publicUrl = publicUrl;
  }

  public void get(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    Responses.respond(ctx, catalog.provider(providerId), 200, p -> toJson(providerId, p.embedOrigins()));
  }

  public void update(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    // The contract has checked the shape (an array of at most 10 strings); EmbedOrigins checks each origin.
    List<String> origins = Requests.body(ctx).getJsonArray("allowedOrigins").stream()
        .map(String.class::cast).toList();
    Responses.respond(ctx, account.setEmbedOrigins(providerId, origins), 200, o -> toJson(providerId, o));
  }

  private JsonObject toJson(String providerId, EmbedOrigins origins) {
    return new JsonObject()
        .put("allowedOrigins", new JsonArray(List.copyOf(origins.origins())))
        .put("providerPageUrl", publicUrl + "/book/" + providerId)
        .put("embedScriptUrl", publicUrl + "/embed.js");
  }
}
