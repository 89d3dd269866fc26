package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import com.mongodb.MongoBulkWriteException;
import dev.dovetail.booking.port.out.StoreDurability;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.DeliveryState;
import dev.dovetail.webhook.domain.FeedPage;
import dev.dovetail.webhook.domain.WebhookEvent;
import dev.dovetail.webhook.port.out.WebhookEventRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The webhook outbox: events in {@code webhook_events} (the feed; position from a per-provider counter in
 * {@code webhook_counters}, one {@code findOneAndUpdate $inc}), deliveries in {@code webhook_deliveries}. Claims and
 * outcomes are the mail outbox's conditional single-document writes (see {@link MongoOutboxRepository}), which both
 * MongoDB and mongo-java-server apply atomically. Recording is durable before its future succeeds, except
 * {@link #recordAcknowledged}, whose caller asks for the store's wait itself (ADR 74).
 */
class MongoWebhookEventRepository implements WebhookEventRepository {

  static final String EVENTS = "webhook_events";
  static final String DELIVERIES = "webhook_deliveries";
  static final String COUNTERS = "webhook_counters";

  private final MongoSupport mongo;

  /**
   * Due deliveries, the per-subject order check, each endpoint's log, the finished ones by age; the feed by position
   * and the prune by age. The claim and outcome compare-and-sets are found by {@code _id} (ADR 80).
   */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(DELIVERIES, "state_nextAttemptAt", new JsonObject().put("state", 1)
            .put("nextAttemptAt", 1).put("position", 1).put("_id", 1)),
        StoreIndex.secondary(DELIVERIES, "endpoint_subject_state_position", new JsonObject().put("endpointId", 1)
            .put("subjectId", 1).put("state", 1).put("position", 1)),
        StoreIndex.secondary(DELIVERIES, "provider_endpoint_position", new JsonObject().put("providerId", 1)
            .put("endpointId", 1).put("position", -1)),
        StoreIndex.secondary(DELIVERIES, "state_firstDueAt", new JsonObject().put("state", 1).put("firstDueAt", 1)),
        StoreIndex.secondary(EVENTS, "provider_position", new JsonObject().put("providerId", 1).put("position", 1)),
        StoreIndex.secondary(EVENTS, "occurredAt", new JsonObject().put("occurredAt", 1)));
  }

  MongoWebhookEventRepository(MongoSupport mongo) {
    this.mongo = mongo;
  }

  @Override
  public Future<List<WebhookEvent>> recordAcknowledged(List<WebhookEvent> events,
      Function<WebhookEvent, List<Delivery>> owed, Instant recordedAt) {
    Future<List<WebhookEvent>> chain = Future.succeededFuture(new ArrayList<>());
    for (WebhookEvent event : events) {
      chain = chain.compose(stored -> recordOne(event, recordedAt).map(e -> {
        stored.add(e);
        return stored;
      }));
    }
    return chain.compose(stored -> {
      List<BulkOperation> inserts = stored.stream()
          .flatMap(e -> owed.apply(e).stream())
          .map(d -> BulkOperation.createInsert(WebhookCodec.encode(d)))
          .toList();
      Future<Void> written = inserts.isEmpty()
          ? Future.succeededFuture()
          : mongo.client.bulkWriteWithOptions(DELIVERIES, inserts, new BulkWriteOptions().setOrdered(false))
              .<Void>mapEmpty()
              .recover(err -> onlyDuplicates(err) ? Future.succeededFuture() : Future.failedFuture(err));
      return written.map(stored);
    });
  }

  @Override
  public StoreDurability durability() {
    return mongo.durability;
  }

  /**
   * Inserts the event at the provider's next position; an event recorded before keeps its stored position (its
   * insert meets the existing id, and the position taken for it stays unused: the feed's positions increase, with
   * gaps).
   */
  private Future<WebhookEvent> recordOne(WebhookEvent event, Instant recordedAt) {
    return nextPosition(event.providerId()).compose(position -> {
      WebhookEvent placed = event.at(position);
      return mongo.client.insert(EVENTS, WebhookCodec.encode(placed, recordedAt.toEpochMilli()))
          .map(placed)
          .recover(err -> MongoSupport.isDuplicateKey(err)
              ? mongo.client.findOne(EVENTS, byId(event.id()), null).map(WebhookCodec::decodeEvent)
              : Future.failedFuture(err));
    });
  }

  private Future<Long> nextPosition(String providerId) {
    return mongo.client.findOneAndUpdateWithOptions(COUNTERS, byId(providerId),
            new JsonObject().put("$inc", new JsonObject().put("next", 1L)), new FindOptions(),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .map(doc -> doc.getLong("next"));
  }

  private static boolean onlyDuplicates(Throwable err) {
    for (Throwable t = err; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof MongoBulkWriteException bulk) {
        return bulk.getWriteErrors().stream().allMatch(e -> e.getCode() == MongoSupport.DUPLICATE_KEY);
      }
    }
    return MongoSupport.isDuplicateKey(err);
  }

  @Override
  public Future<List<FeedPage.Entry>> feed(String providerId, long after, int limit) {
    JsonObject filter = new JsonObject().put("providerId", providerId)
        .put("position", new JsonObject().put("$gt", after));
    FindOptions options = new FindOptions().setSort(new JsonObject().put("position", 1)).setLimit(limit);
    return mongo.client.findWithOptions(EVENTS, filter, options)
        .map(docs -> docs.stream().map(WebhookCodec::decodeFeedEntry).toList());
  }

  @Override
  public Future<Optional<WebhookEvent>> findEvent(String providerId, String eventId) {
    // By id alone (the embedded store uses its _id index only for a filter on exactly _id), then the tenant check.
    return mongo.client.findOne(EVENTS, byId(eventId), null)
        .map(doc -> Optional.ofNullable(doc).filter(d -> providerId.equals(d.getString("providerId")))
            .map(WebhookCodec::decodeEvent));
  }

  /**
   * Finished deliveries, one finished state at a time (each remove served by {@code state_firstDueAt}; a
   * {@code state: {$ne: PENDING}} is served by no index and read every tenant's deliveries), then the events.
   */
  @Override
  public Future<Long> pruneBefore(Instant cutoff) {
    JsonObject old = new JsonObject().put("occurredAt", new JsonObject().put("$lt", cutoff.toEpochMilli()));
    Future<Void> finished = Future.succeededFuture();
    for (DeliveryState state : DeliveryState.values()) {
      if (state == DeliveryState.PENDING) {
        continue;
      }
      JsonObject before = new JsonObject().put("state", state.name())
          .put("firstDueAt", new JsonObject().put("$lt", cutoff.toEpochMilli()));
      finished = finished.compose(v -> mongo.client.removeDocuments(DELIVERIES, before).mapEmpty());
    }
    return mongo.durable(finished.compose(d -> mongo.client.removeDocuments(EVENTS, old))
        .map(result -> result.getRemovedCount()));
  }

  @Override
  public Future<List<Delivery>> claimDue(Instant now, String owner, Duration lease, int limit) {
    long millis = now.toEpochMilli();
    JsonObject claimable = new JsonObject()
        .put("state", DeliveryState.PENDING.name())
        .put("nextAttemptAt", new JsonObject().put("$lte", millis))
        .put("leaseUntil", new JsonObject().put("$lte", millis));
    FindOptions candidates = new FindOptions()
        .setFields(new JsonObject().put("_id", 1).put("nextAttemptAt", 1).put("leaseUntil", 1))
        .setSort(new JsonObject().put("nextAttemptAt", 1).put("position", 1).put("_id", 1))
        .setLimit(limit);
    JsonObject take = new JsonObject().put("$set", new JsonObject()
        .put("leaseOwner", Objects.requireNonNull(owner, "owner"))
        .put("leaseUntil", now.plus(lease).toEpochMilli()));
    return mongo.client.findWithOptions(DELIVERIES, claimable, candidates).compose(docs -> {
      List<Future<JsonObject>> claims = new ArrayList<>();
      for (JsonObject doc : docs) {
        JsonObject one = byId(doc.getString("_id"))
            .put("state", DeliveryState.PENDING.name())
            .put("nextAttemptAt", doc.getLong("nextAttemptAt"))
            .put("leaseUntil", doc.getLong("leaseUntil"));
        claims.add(mongo.client.findOneAndUpdateWithOptions(DELIVERIES, one, take, new FindOptions(),
            new UpdateOptions().setReturningNewDocument(true)));
      }
      return Future.all(claims).map(done -> claims.stream()
          .map(Future::result)
          .filter(Objects::nonNull)
          .map(WebhookCodec::decodeDelivery)
          .toList());
    });
  }

  @Override
  public Future<Boolean> hasEarlierPending(Delivery delivery) {
    JsonObject earlier = new JsonObject()
        .put("endpointId", delivery.endpointId())
        .put("subjectId", delivery.subjectId())
        .put("state", DeliveryState.PENDING.name())
        .put("position", new JsonObject().put("$lt", delivery.position()));
    return mongo.client.findOne(DELIVERIES, earlier, new JsonObject().put("_id", 1)).map(Objects::nonNull);
  }

  @Override
  public Future<Boolean> complete(Delivery next, String owner) {
    JsonObject held = byId(next.id())
        .put("state", DeliveryState.PENDING.name())
        .put("leaseOwner", Objects.requireNonNull(owner, "owner"));
    return mongo.durable(mongo.client.replaceDocuments(DELIVERIES, held, WebhookCodec.encode(next))
        .map(result -> result.getDocMatched() == 1));
  }

  @Override
  public Future<Boolean> replaceUnleased(Delivery next, Instant now) {
    JsonObject unheld = byId(next.id())
        .put("providerId", next.providerId())
        .put("leaseUntil", new JsonObject().put("$lte", now.toEpochMilli()));
    return mongo.durable(mongo.client.replaceDocuments(DELIVERIES, unheld, WebhookCodec.encode(next))
        .map(result -> result.getDocMatched() == 1));
  }

  @Override
  public Future<Optional<Delivery>> findDelivery(String providerId, String deliveryId) {
    return mongo.findOne(DELIVERIES, byId(deliveryId).put("providerId", providerId), WebhookCodec::decodeDelivery);
  }

  @Override
  public Future<List<Delivery>> deliveriesOf(String providerId, String endpointId, long before, int limit) {
    JsonObject filter = new JsonObject().put("providerId", providerId).put("endpointId", endpointId)
        .put("position", new JsonObject().put("$lt", before));
    FindOptions options = new FindOptions().setSort(new JsonObject().put("position", -1)).setLimit(limit);
    return mongo.client.findWithOptions(DELIVERIES, filter, options)
        .map(docs -> docs.stream().map(WebhookCodec::decodeDelivery).toList());
  }

  @Override
  public Future<Long> abandonPending(String endpointId) {
    JsonObject pending = new JsonObject().put("endpointId", endpointId)
        .put("state", DeliveryState.PENDING.name());
    JsonObject fail = new JsonObject().put("$set", new JsonObject().put("state", DeliveryState.FAILED.name()));
    return mongo.durable(mongo.client.updateCollectionWithOptions(DELIVERIES, pending, fail,
            new UpdateOptions().setMulti(true)))
        .map(result -> result.getDocModified());
  }
}
