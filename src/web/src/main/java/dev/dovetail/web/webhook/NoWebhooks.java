package dev.dovetail.web.webhook;

import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.FeedPage;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.port.in.ManageWebhookEndpoints;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/** For an API without webhooks (tests of other features): no endpoints, an empty feed, every change answers 404. */
public final class NoWebhooks implements ManageWebhookEndpoints {

  private static <T> Future<T> none() {
    return Future.failedFuture(new NotFoundException("webhooks", "not configured on this hub"));
  }

  @Override
  public Future<WebhookEndpoint> create(String providerId, String url, Set<EventType> events, String description) {
    return none();
  }

  @Override
  public Future<List<WebhookEndpoint>> list(String providerId) {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<WebhookEndpoint> get(String providerId, String endpointId) {
    return none();
  }

  @Override
  public Future<WebhookEndpoint> update(String providerId, String endpointId, Edit edit) {
    return none();
  }

  @Override
  public Future<Void> delete(String providerId, String endpointId) {
    return none();
  }

  @Override
  public Future<WebhookEndpoint> rotateSecret(String providerId, String endpointId) {
    return none();
  }

  @Override
  public Future<Delivery> sendTest(String providerId, String endpointId) {
    return none();
  }

  @Override
  public Future<List<Delivery>> deliveries(String providerId, String endpointId, long before, int limit) {
    return none();
  }

  @Override
  public Future<Delivery> redeliver(String providerId, String deliveryId) {
    return none();
  }

  @Override
  public Future<FeedPage> feed(String providerId, long after, int limit) {
    return Future.succeededFuture(new FeedPage(List.of(), after));
  }
}
