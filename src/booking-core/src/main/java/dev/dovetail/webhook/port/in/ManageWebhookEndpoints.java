package dev.dovetail.webhook.port.in;

import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.FeedPage;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/** A provider's webhook endpoints, their delivery log, redelivery and the pull feed. Every call is tenant-scoped. */
public interface ManageWebhookEndpoints {

  /** What may change on an endpoint; null fields are left as they are. */
  record Edit(String url, Set<EventType> events, String description, Boolean enabled) {}

  Future<WebhookEndpoint> create(String providerId, String url, Set<EventType> events, String description);

  Future<List<WebhookEndpoint>> list(String providerId);

  Future<WebhookEndpoint> get(String providerId, String endpointId);

  Future<WebhookEndpoint> update(String providerId, String endpointId, Edit edit);

  Future<Void> delete(String providerId, String endpointId);

  /** A new current secret; the previous one keeps signing for the grace period. */
  Future<WebhookEndpoint> rotateSecret(String providerId, String endpointId);

  /** Records a {@code webhook.test} event owed to this endpoint only; returns its delivery. */
  Future<Delivery> sendTest(String providerId, String endpointId);

  Future<List<Delivery>> deliveries(String providerId, String endpointId, long before, int limit);

  Future<Delivery> redeliver(String providerId, String deliveryId);

  /**
   * The provider's events after {@code after}, in order, kept for 30 days; the page ends before a position that may
   * still be filled ({@link FeedPage}).
   */
  Future<FeedPage> feed(String providerId, long after, int limit);
}
