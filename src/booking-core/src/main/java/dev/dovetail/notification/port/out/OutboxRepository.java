package dev.dovetail.notification.port.out;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.out.StoreDurability;
import dev.dovetail.notification.domain.LogView;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox: messages the hub owes, durable across restarts and shared by every hub node. Dispatchers take due
 * messages by a lease written in the store (a conditional single-document update), so each message has at most one
 * holder at a time, on any node; a holder that dies leaves its lease to expire.
 */
public interface OutboxRepository {

  /**
   * Stores the messages whose ids are new; messages already present are left exactly as they are (recording a change
   * twice is harmless). Durable once the future succeeds.
   */
  default Future<Void> record(List<OutboundMessage> messages) {
    if (messages.isEmpty()) {
      return Future.succeededFuture();
    }
    return recordAcknowledged(messages).compose(v -> durability().afterWrites());
  }

  /**
   * Stores the messages as {@link #record} does, succeeding once the store acknowledged them, with the messages this
   * call stored (not those recorded before): they are durable once a {@link #durability()} wait asked for after that
   * has succeeded.
   */
  Future<List<OutboundMessage>> recordAcknowledged(List<OutboundMessage> messages);

  /** What makes this store's acknowledged writes durable (the same instance for every repository of one store). */
  StoreDurability durability();

  /**
   * Takes up to {@code limit} messages that are claimable at {@code now} (pending, {@code nextAttemptAt <= now}, no
   * live lease), earliest first, by setting {@code leaseOwner = owner} and {@code leaseUntil = now + lease} on each
   * with one conditional write. Returns the messages this call took, with their lease.
   */
  Future<List<OutboundMessage>> claimDue(Instant now, String owner, Duration lease, int limit);

  /**
   * Replaces a message with {@code next} (its new state) if {@code owner} still holds it: the stored message is
   * pending and leased to {@code owner}. Returns false, writing nothing, if the lease was lost. Durable once the future
   * succeeds.
   */
  Future<Boolean> complete(OutboundMessage next, String owner);

  Future<Optional<OutboundMessage>> findById(String id);

  /** The provider's messages, latest due first (keyset-paginated on due time and id). */
  default Future<Page<OutboundMessage>> listByProvider(String providerId, PageRequest page) {
    return listByProvider(providerId, LogView.ALL, page);
  }

  /** The provider's messages in one view, in its order (keyset-paginated on due time and id). */
  Future<Page<OutboundMessage>> listByProvider(String providerId, LogView view, PageRequest page);

  /** How many of the provider's messages are in each state (every state present, 0 when none). */
  Future<Map<MessageState, Long>> countByProvider(String providerId);

  /** Every message of one booking, in due order. */
  Future<List<OutboundMessage>> findByBooking(String bookingId);
}
