package dev.dovetail.webhook.port.out;

import dev.dovetail.booking.port.out.StoreDurability;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.FeedPage;
import dev.dovetail.webhook.domain.WebhookEvent;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The webhook outbox: events and the deliveries they owe, durable across restarts and shared by every hub node. Events
 * are recorded before the change that caused them is written (like the mail outbox), so a change acknowledged to the
 * user always has its events; recording the same event twice stores nothing new. Dispatchers take due deliveries by a
 * lease written with one conditional single-document update, so each delivery has one holder at a time on any node.
 */
public interface WebhookEventRepository {

  /**
   * Stores the events whose ids are new, each with its feed position (increasing per provider in recording order) and
   * the instant it was recorded, and one pending delivery per subscribed endpoint, given by {@code deliveriesOf}.
   * Returns the events as stored, once they are durable.
   */
  default Future<List<WebhookEvent>> record(List<WebhookEvent> events,
      Function<WebhookEvent, List<Delivery>> deliveriesOf, Instant recordedAt) {
    return recordAcknowledged(events, deliveriesOf, recordedAt)
        .compose(stored -> durability().afterWrites().map(stored));
  }

  /**
   * Stores the events as {@link #record} does, succeeding once the store acknowledged them: they are durable once a
   * {@link #durability()} wait asked for after that has succeeded.
   */
  Future<List<WebhookEvent>> recordAcknowledged(List<WebhookEvent> events,
      Function<WebhookEvent, List<Delivery>> deliveriesOf, Instant recordedAt);

  /** What makes this store's acknowledged writes durable (the same instance for every repository of one store). */
  StoreDurability durability();

  /**
   * The provider's events after feed position {@code after}, in feed order, at most {@code limit}, test events
   * included, each with when it was recorded ({@link FeedPage#of} makes the page).
   */
  Future<List<FeedPage.Entry>> feed(String providerId, long after, int limit);

  Future<Optional<WebhookEvent>> findEvent(String providerId, String eventId);

  /** Deletes events (and their finished deliveries) that occurred before {@code cutoff}; returns how many events. */
  Future<Long> pruneBefore(Instant cutoff);

  /** Takes up to {@code limit} deliveries claimable at {@code now}, earliest due first, each by a conditional write. */
  Future<List<Delivery>> claimDue(Instant now, String owner, Duration lease, int limit);

  /** Whether a delivery of the same endpoint and subject with an earlier position is still pending. */
  Future<Boolean> hasEarlierPending(Delivery delivery);

  /** Replaces the delivery with {@code next} if {@code owner} still holds its lease; false, writing nothing, if not. */
  Future<Boolean> complete(Delivery next, String owner);

  /** Replaces a delivery nobody holds (redelivery, abandoning); false if it is leased or missing. */
  Future<Boolean> replaceUnleased(Delivery next, Instant now);

  Future<Optional<Delivery>> findDelivery(String providerId, String deliveryId);

  /** The endpoint's deliveries, latest first, at most {@code limit}, before position {@code before} (exclusive). */
  Future<List<Delivery>> deliveriesOf(String providerId, String endpointId, long before, int limit);

  /** Marks every pending delivery of the endpoint FAILED (it was disabled or deleted); returns how many. */
  Future<Long> abandonPending(String endpointId);
}
