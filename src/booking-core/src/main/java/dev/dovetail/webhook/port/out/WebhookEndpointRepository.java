package dev.dovetail.webhook.port.out;

import dev.dovetail.webhook.domain.WebhookEndpoint;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The providers' webhook endpoints. Every read and write is scoped to one provider. */
public interface WebhookEndpointRepository {

  /** Inserts a new endpoint, or replaces the one with its id and provider. */
  Future<Void> save(WebhookEndpoint endpoint);

  /**
   * Sets only the failing-run start: {@code since} if none is set yet, or clears it when {@code since} is null. Leaves
   * the provider's own fields as they are (an edit may be under way). Returns the endpoint as stored after.
   */
  Future<Optional<WebhookEndpoint>> recordHealth(String providerId, String endpointId, Instant since);

  /**
   * Disables the endpoint with {@code reason} only if it is still enabled (one conditional write); true if this call
   * disabled it, so exactly one node mails the provider.
   */
  Future<Boolean> disableIfEnabled(String providerId, String endpointId, String reason);

  Future<Optional<WebhookEndpoint>> find(String providerId, String endpointId);

  Future<List<WebhookEndpoint>> list(String providerId);

  Future<Integer> count(String providerId);

  /** True if it existed. */
  Future<Boolean> delete(String providerId, String endpointId);
}
