package dev.dovetail.webhook.port.in;

import dev.dovetail.booking.port.out.Acknowledged;
import dev.dovetail.webhook.domain.WebhookEvent;
import io.vertx.core.Future;
import java.util.List;

/**
 * Records events for the feed and for every endpoint subscribed to them, durably, before the caller writes the change
 * that caused them. Recording the same event twice is harmless.
 */
public interface PublishEvents {

  Future<Void> publish(List<WebhookEvent> events);

  /**
   * Records the events as {@link #publish} does, succeeding once the store acknowledged them; they are durable once
   * the {@link Acknowledged} is (the caller waits for that before writing the change). By default {@link #publish}.
   */
  default Future<Acknowledged> publishAcknowledged(List<WebhookEvent> events) {
    return publish(events).map(Acknowledged.DURABLE);
  }
}
