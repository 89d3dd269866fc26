package dev.dovetail.webhook.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One event owed to one endpoint, as it sits in the webhook outbox. {@code subjectId} and {@code position} (the
 * event's place in the provider's feed) keep deliveries of one booking in order: a delivery is not sent while an
 * earlier one of the same endpoint and subject is pending. A PENDING delivery is due from {@code nextAttemptAt}; a
 * dispatcher takes it by a lease written in the store ({@code leaseOwner} until {@code leaseUntil}). {@code log}
 * keeps the latest attempts, newest last.
 */
public record Delivery(
    String id,
    String eventId,
    String endpointId,
    String providerId,
    String subjectId,
    long position,
    DeliveryState state,
    int attempts,
    Instant firstDueAt,
    Instant nextAttemptAt,
    String leaseOwner,
    Instant leaseUntil,
    List<Attempt> log) {

  public static final Instant NO_LEASE = Instant.EPOCH;
  public static final int MAX_LOG = 20;

  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(firstDueAt, "firstDueAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    log = List.copyOf(log.size() > MAX_LOG ? log.subList(log.size() - MAX_LOG, log.size()) : log);
  }

  /** The delivery of {@code event} to {@code endpoint}, due now; its id is fixed by the two. */
  public static Delivery pending(WebhookEvent event, String endpointId, Instant now) {
    Instant due = Instant.ofEpochMilli(now.toEpochMilli());
    return new Delivery(idFor(event.id(), endpointId), event.id(), endpointId, event.providerId(), event.subjectId(),
        event.position(), DeliveryState.PENDING, 0, due, due, null, NO_LEASE, List.of());
  }

  public static String idFor(String eventId, String endpointId) {
    return "dlv_" + eventId.substring(eventId.indexOf('_') + 1) + "_" + endpointId;
  }

  public boolean claimableAt(Instant now) {
    return state == DeliveryState.PENDING && !nextAttemptAt.isAfter(now) && !leaseUntil.isAfter(now);
  }

  public Delivery leased(String owner, Instant until) {
    return with(state, attempts, nextAttemptAt, Objects.requireNonNull(owner), until, log);
  }

  public Delivery succeeded(Attempt attempt) {
    return with(DeliveryState.SUCCEEDED, attempts + 1, nextAttemptAt, leaseOwner, NO_LEASE, append(attempt));
  }

  public Delivery retryAt(Instant next, Attempt attempt) {
    return with(DeliveryState.PENDING, attempts + 1, next, null, NO_LEASE, append(attempt));
  }

  public Delivery failed(Attempt attempt) {
    return with(DeliveryState.FAILED, attempts + 1, nextAttemptAt, leaseOwner, NO_LEASE, append(attempt));
  }

  /** Given up without an attempt (the endpoint was disabled or deleted). */
  public Delivery abandoned() {
    return with(DeliveryState.FAILED, attempts, nextAttemptAt, leaseOwner, NO_LEASE, log);
  }

  /** Waits behind an earlier delivery of the same subject; no attempt used. */
  public Delivery postponedTo(Instant next) {
    return with(DeliveryState.PENDING, attempts, next, null, NO_LEASE, log);
  }

  /** Asked for again by the provider: pending now, with a fresh retry window. */
  public Delivery redelivered(Instant now) {
    return new Delivery(id, eventId, endpointId, providerId, subjectId, position, DeliveryState.PENDING, attempts, now,
        now, null, NO_LEASE, log);
  }

  private List<Attempt> append(Attempt attempt) {
    List<Attempt> next = new ArrayList<>(log);
    next.add(attempt);
    return next;
  }

  private Delivery with(DeliveryState newState, int newAttempts, Instant next, String owner, Instant until,
      List<Attempt> newLog) {
    return new Delivery(id, eventId, endpointId, providerId, subjectId, position, newState, newAttempts,
        firstDueAt, Instant.ofEpochMilli(next.toEpochMilli()), owner, Instant.ofEpochMilli(until.toEpochMilli()),
        newLog);
  }
}
