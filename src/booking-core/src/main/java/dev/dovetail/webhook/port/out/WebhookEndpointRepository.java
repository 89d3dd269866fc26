package dev.dovetail.webhook.port.out;

import dev.dovetail.webhook.domain.WebhookEndpoint;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** The providers' webhook endpoints. Every read and write is scoped to one provider. */
public interface WebhookEndpointRepository {

  /** Inserts a new endpoint, or replaces the one with its id and provider. */
  Future<Void> save(WebhookEndpoint endpoint);

  Future<Optional<WebhookEndpoint>> find(String providerId, String endpointId);

  Future<List<WebhookEndpoint>> list(String providerId);

  Future<Integer> count(String providerId);

  /** True if it existed. */
  Future<Boolean> delete(String providerId, String endpointId);
}
