package dev.dovetail.testkit;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.out.StoreDurability;
import dev.dovetail.notification.domain.LogView;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.port.out.OutboxRepository;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reference adapter of the outbox: a map, every operation atomic under the object's monitor. */
public class InMemoryOutboxRepository implements OutboxRepository {

  private static final Comparator<OutboundMessage> LATEST_FIRST =
      Comparator.comparing(OutboundMessage::dueAt).thenComparing(OutboundMessage::id).reversed();

  private final Map<String, OutboundMessage> byId = new ConcurrentHashMap<>();

  @Override
  public synchronized Future<List<OutboundMessage>> recordAcknowledged(List<OutboundMessage> messages) {
    return Future.succeededFuture(messages.stream().filter(m -> byId.putIfAbsent(m.id(), m) == null).toList());
  }

  @Override
  public StoreDurability durability() {
    return StoreDurability.ALREADY;
  }

  @Override
  public synchronized Future<List<OutboundMessage>> claimDue(Instant now, String owner, Duration lease, int limit) {
    List<OutboundMessage> taken = byId.values().stream()
        .filter(m -> m.claimableAt(now))
        .sorted(Comparator.comparing(OutboundMessage::nextAttemptAt).thenComparing(OutboundMessage::id))
        .limit(limit)
        .map(m -> m.leased(owner, now.plus(lease)))
        .toList();
    taken.forEach(m -> byId.put(m.id(), m));
    return Future.succeededFuture(taken);
  }

  @Override
  public synchronized Future<Boolean> complete(OutboundMessage next, String owner) {
    OutboundMessage stored = byId.get(next.id());
    if (stored == null || stored.state() != MessageState.PENDING || !Objects.equals(stored.leaseOwner(), owner)) {
      return Future.succeededFuture(false);
    }
    byId.put(next.id(), next);
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Optional<OutboundMessage>> findById(String id) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
  }

  @Override
  public synchronized Future<java.util.Map<dev.dovetail.notification.domain.MessageState, Long>> countByProvider(
      String providerId) {
    java.util.Map<dev.dovetail.notification.domain.MessageState, Long> counts =
        new java.util.EnumMap<>(dev.dovetail.notification.domain.MessageState.class);
    for (dev.dovetail.notification.domain.MessageState state : dev.dovetail.notification.domain.MessageState.values()) {
      counts.put(state, 0L);
    }
    byId.values().stream().filter(m -> m.providerId().equals(providerId))
        .forEach(m -> counts.merge(m.state(), 1L, Long::sum));
    return Future.succeededFuture(counts);
  }

  @Override
  public Future<Page<OutboundMessage>> listByProvider(String providerId, LogView view, PageRequest page) {
    OutboundMessage after = null;
    if (page.cursor() != null) {
      after = byId.get(page.cursor());
      if (after == null) {
        return Future.failedFuture(new InvalidRequestException("cursor is not one this list returned"));
      }
    }
    OutboundMessage from = after;
    Comparator<OutboundMessage> order = view.ascending() ? LATEST_FIRST.reversed() : LATEST_FIRST;
    List<OutboundMessage> sorted = byId.values().stream()
        .filter(m -> m.providerId().equals(providerId) && view.holds(m))
        .sorted(order)
        .filter(m -> from == null || order.compare(m, from) > 0)
        .limit(page.limit() + 1L)
        .toList();
    if (sorted.size() <= page.limit()) {
      return Future.succeededFuture(new Page<>(sorted, null));
    }
    List<OutboundMessage> items = new ArrayList<>(sorted.subList(0, page.limit()));
    return Future.succeededFuture(new Page<>(items, items.get(items.size() - 1).id()));
  }

  @Override
  public Future<List<OutboundMessage>> findByBooking(String bookingId) {
    return Future.succeededFuture(byId.values().stream()
        .filter(m -> m.bookingId().equals(bookingId))
        .sorted(Comparator.comparing(OutboundMessage::dueAt).thenComparing(OutboundMessage::id))
        .toList());
  }

  /** Every message, for assertions. */
  public List<OutboundMessage> all() {
    return List.copyOf(byId.values());
  }
}
