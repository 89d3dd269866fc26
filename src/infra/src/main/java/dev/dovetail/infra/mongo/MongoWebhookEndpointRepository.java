package dev.dovetail.infra.mongo;

import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.port.out.WebhookEndpointRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints in {@code webhook_endpoints}; every filter carries the provider id. */
class MongoWebhookEndpointRepository implements WebhookEndpointRepository {

  static final String COLLECTION = "webhook_endpoints";

  private final MongoSupport mongo;

  /** A provider's endpoints in their order (read by every booking change, to know where its event goes). */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(COLLECTION, "provider_createdAt",
        new JsonObject().put("providerId", 1).put("createdAt", 1).put("_id", 1)));
  }

  MongoWebhookEndpointRepository(MongoSupport mongo) {
    this.mongo = mongo;
  }

  private static JsonObject scoped(String providerId, String endpointId) {
    return MongoSupport.byId(endpointId).put("providerId", providerId);
  }

  @Override
  public Future<Void> save(WebhookEndpoint endpoint) {
    return mongo.durable(mongo.client.replaceDocumentsWithOptions(COLLECTION,
            scoped(endpoint.providerId(), endpoint.id()), WebhookCodec.encode(endpoint),
            new UpdateOptions().setUpsert(true)))
        .mapEmpty();
  }

  @Override
  public Future<Optional<WebhookEndpoint>> recordHealth(String providerId, String endpointId, Instant since) {
    JsonObject filter = scoped(providerId, endpointId);
    JsonObject update;
    if (since == null) {
      update = new JsonObject().put("$unset", new JsonObject().put("failingSince", ""));
    } else {
      filter.put("failingSince", null);
      update = new JsonObject().put("$set", new JsonObject().put("failingSince", since.toEpochMilli()));
    }
    return mongo.durable(mongo.client.updateCollection(COLLECTION, filter, update))
        .compose(done -> find(providerId, endpointId));
  }

  @Override
  public Future<Boolean> disableIfEnabled(String providerId, String endpointId, String reason) {
    JsonObject filter = scoped(providerId, endpointId).put("enabled", true);
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("enabled", false)
        .put("disabledReason", reason));
    return mongo.durable(mongo.client.updateCollection(COLLECTION, filter, update))
        .map(result -> result.getDocModified() == 1);
  }

  @Override
  public Future<Optional<WebhookEndpoint>> find(String providerId, String endpointId) {
    return mongo.findOne(COLLECTION, scoped(providerId, endpointId), WebhookCodec::decodeEndpoint);
  }

  @Override
  public Future<List<WebhookEndpoint>> list(String providerId) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("createdAt", 1).put("_id", 1));
    return mongo.client.findWithOptions(COLLECTION, new JsonObject().put("providerId", providerId), options)
        .map(docs -> docs.stream().map(WebhookCodec::decodeEndpoint).toList());
  }

  @Override
  public Future<Integer> count(String providerId) {
    return mongo.client.count(COLLECTION, new JsonObject().put("providerId", providerId)).map(Long::intValue);
  }

  @Override
  public Future<Boolean> delete(String providerId, String endpointId) {
    return mongo.durable(mongo.client.removeDocument(COLLECTION, scoped(providerId, endpointId)))
        .map(result -> result.getRemovedCount() == 1);
  }
}
