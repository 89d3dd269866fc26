package dev.dovetail.webhook.port.in;

import dev.dovetail.webhook.domain.WebhookEvent;
import io.vertx.core.Future;
import java.util.List;

/**
 * Records events for the feed and for every endpoint subscribed to them, durably, before the caller writes the change
 * that caused them. Recording the same event twice is harmless.
 */
public interface PublishEvents {

  Future<Void> publish(List<WebhookEvent> events);
}
