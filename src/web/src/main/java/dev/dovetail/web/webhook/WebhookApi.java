package dev.dovetail.web.webhook;

import dev.dovetail.web.http.OperationHandlers;
import dev.dovetail.webhook.port.in.ManageWebhookEndpoints;

/** The webhook operations: the provider's endpoints, their deliveries, and the event feed. */
public final class WebhookApi {

  private WebhookApi() {}

  public static void register(OperationHandlers operations, ManageWebhookEndpoints endpoints) {
    WebhooksHandler webhooks = new WebhooksHandler(endpoints);
    operations
        .on("listWebhookEndpoints", webhooks::list)
        .on("createWebhookEndpoint", webhooks::create)
        .on("getWebhookEndpoint", webhooks::get)
        .on("updateWebhookEndpoint", webhooks::update)
        .on("deleteWebhookEndpoint", webhooks::delete)
        .on("rotateWebhookSecret", webhooks::rotateSecret)
        .on("sendWebhookTest", webhooks::sendTest)
        .on("listWebhookDeliveries", webhooks::deliveries)
        .on("redeliverWebhook", webhooks::redeliver)
        .on("listEvents", webhooks::feed);
  }
}
