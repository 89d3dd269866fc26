package dev.dovetail.webhook.port.out;

import dev.dovetail.webhook.domain.WebhookEndpoint;
import io.vertx.core.Future;

/** Tells a provider, once, that the hub disabled one of its endpoints after it kept failing. */
public interface EndpointDisabledNotice {

  Future<Void> send(WebhookEndpoint endpoint);
}
