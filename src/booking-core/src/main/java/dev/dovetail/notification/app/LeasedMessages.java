package dev.dovetail.notification.app;

import dev.dovetail.notification.domain.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages a node recorded already leased to itself, handed from the {@link NotificationPlanner} to this node's
 * {@link OutboxDispatcher} in memory (ADR 85): a confirmation due now is stored with this node's lease, so the
 * dispatcher sends it without first claiming it in the store. The lease is the claim: no other node takes the message
 * until it runs out, and a message that never reaches the dispatcher here (the node stopped) is taken by any node's
 * claim once it has. Bounded: when {@link #CAPACITY} messages wait, new ones are recorded unleased and claimed as before.
 */
public final class LeasedMessages {

  /** At most this many messages wait here; the planner stops leasing beyond it. */
  static final int CAPACITY = 1_000;

  private final String owner;
  private final Duration lease;
  private final ConcurrentLinkedQueue<OutboundMessage> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  LeasedMessages(String owner, Duration lease) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  /** {@code message} with this node's lease from {@code now}, if there is room for {@code count} more; else as is. */
  OutboundMessage leaseIfRoom(OutboundMessage message, int count, Instant now) {
    return size.get() + count <= CAPACITY ? message.leased(owner, now.plus(lease)) : message;
  }

  /** Whether the stored {@code message} holds this node's lease (it was recorded by {@link #leaseIfRoom}). */
  boolean ours(OutboundMessage message) {
    return owner.equals(message.leaseOwner()) && message.leaseUntil().isAfter(Instant.EPOCH);
  }

  /** Hands over messages this node stored with its lease (and only those: one stored before keeps its own state). */
  void handOver(List<OutboundMessage> stored) {
    for (OutboundMessage message : stored) {
      if (ours(message)) {
        waiting.add(message);
        size.incrementAndGet();
      }
    }
  }

  /** Up to {@code limit} waiting messages, oldest first. */
  List<OutboundMessage> take(int limit) {
    List<OutboundMessage> taken = new ArrayList<>();
    OutboundMessage next;
    while (taken.size() < limit && (next = waiting.poll()) != null) {
      size.decrementAndGet();
      taken.add(next);
    }
    return taken;
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }
}
