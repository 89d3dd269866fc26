package dev.dovetail.notification.app;

import dev.dovetail.notification.domain.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages a node recorded already leased to itself, handed from the {@link NotificationPlanner} to this node's
 * {@link OutboxDispatcher} in memory (ADR 85): a confirmation due now is stored with this node's lease, so the
 * dispatcher sends it without first claiming it in the store. The lease is the claim: no other node takes the message
 * until it runs out, and a message that never reaches the dispatcher here (the node died) is taken by any node's
 * claim once it has; a node that stops gracefully gives the leases back first. Bounded: when {@link #CAPACITY}
 * messages wait, new ones are recorded unleased and claimed as before.
 *
 * <p>A message this node holds whose booking is not written yet is parked here for {@link #PARK} instead of being
 * postponed in the store, during its first {@link #PARK_WINDOW} and while its lease lasts: the booking write usually
 * lands within moments, and a postponement would cost an outcome write now and a claim later.
 */
public final class LeasedMessages {

  /** At most this many messages wait here; the planner stops leasing beyond it. */
  static final int CAPACITY = 1_000;
  /** How long a message whose booking is not written yet waits here before it is looked at again. */
  static final Duration PARK = Duration.ofMillis(250);
  /** Only a message recorded this recently is parked; an older one waits in the store, looked at less often. */
  static final Duration PARK_WINDOW = Duration.ofSeconds(10);

  private record Parked(OutboundMessage message, Instant until) {}

  private final String owner;
  private final Duration lease;
  private final ConcurrentLinkedQueue<OutboundMessage> waiting = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Parked> parked = new ConcurrentLinkedQueue<>();
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

  /**
   * Parks a message this node holds until {@code now} + {@link #PARK}, if it was recorded less than
   * {@link #PARK_WINDOW} ago and its lease lasts until well after that (else the caller postpones it in the store).
   */
  boolean park(OutboundMessage message, Instant now) {
    Instant until = now.plus(PARK);
    if (!until.plus(PARK).isBefore(message.leaseUntil()) || !now.isBefore(message.createdAt().plus(PARK_WINDOW))) {
      return false;
    }
    parked.add(new Parked(message, until));
    size.incrementAndGet();
    return true;
  }

  /** Every message waiting here, parked or not (the node is stopping). */
  List<OutboundMessage> takeAll() {
    List<OutboundMessage> all = new ArrayList<>();
    Parked parkedOne;
    while ((parkedOne = parked.poll()) != null) {
      size.decrementAndGet();
      all.add(parkedOne.message());
    }
    OutboundMessage next;
    while ((next = waiting.poll()) != null) {
      size.decrementAndGet();
      all.add(next);
    }
    return all;
  }

  /**
   * Up to {@code limit} messages to send now: parked ones whose time has come first, then those handed over, oldest
   * first. A parked message whose lease ran out meanwhile is dropped: any node's claim takes it.
   */
  List<OutboundMessage> take(int limit, Instant now) {
    List<OutboundMessage> taken = new ArrayList<>();
    for (Iterator<Parked> it = parked.iterator(); it.hasNext() && taken.size() < limit; ) {
      Parked next = it.next();
      if (!next.until().isAfter(now)) {
        it.remove(); // only the dispatcher's run takes, one at a time
        size.decrementAndGet();
        if (next.message().leaseUntil().isAfter(now)) {
          taken.add(next.message());
        }
      }
    }
    OutboundMessage next;
    while (taken.size() < limit && (next = waiting.poll()) != null) {
      size.decrementAndGet();
      taken.add(next);
    }
    return taken;
  }
}
