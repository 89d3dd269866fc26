package dev.dovetail.web.webhook;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import dev.dovetail.webhook.port.in.ManageWebhookEndpoints;
import dev.dovetail.webhook.port.in.ManageWebhookEndpoints.Edit;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/webhook-endpoints[/{endpointId}[/rotate-secret|/test|/deliveries]]},
 * {@code /api/v1/webhook-deliveries/{deliveryId}/redeliver} and the pull feed {@code /api/v1/events}: the caller's
 * own endpoints and events only.
 */
public final class WebhooksHandler {

  private final ManageWebhookEndpoints webhooks;

  public WebhooksHandler(ManageWebhookEndpoints webhooks) {
    this.webhooks = webhooks;
  }

  public void create(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> {
      JsonObject body = Requests.body(ctx);
      return webhooks.create(Caller.providerId(ctx), body.getString("url"),
          WebhookJson.events(body.getJsonArray("events")), body.getString("description"));
    }), 201, e -> WebhookJson.endpoint(e, true));
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, webhooks.list(Caller.providerId(ctx)), 200, WebhookJson::endpoints);
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, webhooks.get(Caller.providerId(ctx), id(ctx)), 200, e -> WebhookJson.endpoint(e, false));
  }

  public void update(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> {
      JsonObject body = Requests.body(ctx);
      return webhooks.update(Caller.providerId(ctx), id(ctx), new Edit(body.getString("url"),
          WebhookJson.events(body.getJsonArray("events")), body.getString("description"),
          body.getBoolean("enabled")));
    }), 200, e -> WebhookJson.endpoint(e, false));
  }

  public void delete(RoutingContext ctx) {
    webhooks.delete(Caller.providerId(ctx), id(ctx)).onSuccess(v -> Responses.noContent(ctx)).onFailure(ctx::fail);
  }

  public void rotateSecret(RoutingContext ctx) {
    Responses.respond(ctx, webhooks.rotateSecret(Caller.providerId(ctx), id(ctx)), 200,
        e -> WebhookJson.endpoint(e, true));
  }

  public void sendTest(RoutingContext ctx) {
    Responses.respond(ctx, webhooks.sendTest(Caller.providerId(ctx), id(ctx)), 202, WebhookJson::delivery);
  }

  public void deliveries(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> webhooks.deliveries(Caller.providerId(ctx), id(ctx),
        cursor(ctx, "before", Long.MAX_VALUE), Requests.queryInt(ctx, "limit", 50))), 200, WebhookJson::deliveries);
  }

  public void redeliver(RoutingContext ctx) {
    Responses.respond(ctx, webhooks.redeliver(Caller.providerId(ctx), Requests.path(ctx, "deliveryId")), 202,
        WebhookJson::delivery);
  }

  public void feed(RoutingContext ctx) {
    Responses.respond(ctx, Responses.attempt(() -> {
      long after = cursor(ctx, "after", 0);
      return webhooks.feed(Caller.providerId(ctx), after, Requests.queryInt(ctx, "limit", 50))
          .map(WebhookJson::feed);
    }), 200, json -> json);
  }

  private static String id(RoutingContext ctx) {
    return Requests.path(ctx, "endpointId");
  }

  private static long cursor(RoutingContext ctx, String name, long absent) {
    String raw = Requests.query(ctx, name);
    if (raw == null) {
      return absent;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name + " must be a cursor from this API");
    }
  }
}
