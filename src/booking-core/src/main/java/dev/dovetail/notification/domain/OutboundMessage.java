package dev.dovetail.notification.domain;

import dev.dovetail.booking.domain.PlainText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One mail the hub owes, as it sits in the outbox. Its {@code id} is derived from the booking, the booking's sequence
 * at the change that caused it, the kind and (for reminders) the lead time, so recording the same change twice yields
 * the same ids and stores nothing new.
 *
 * <p>A PENDING message is due from {@code nextAttemptAt} (at first its {@code dueAt}; later the retry time). A
 * dispatcher takes it by writing a lease ({@code leaseOwner} until {@code leaseUntil}) in the store; only the lease
 * holder may move it on. {@code lastError} holds the last delivery error, or why it was skipped. Instants have
 * millisecond precision (what the store keeps).
 */
public record OutboundMessage(
    String id,
    String providerId,
    String bookingId,
    int bookingSequence,
    MessageKind kind,
    Duration reminderLead,
    String recipient,
    Instant dueAt,
    MessageState state,
    int attempts,
    Instant nextAttemptAt,
    String leaseOwner,
    Instant leaseUntil,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    String note) {

  /** {@code leaseUntil} of a message nobody holds. */
  public static final Instant NO_LEASE = Instant.EPOCH;
  private static final int MAX_ERROR_LENGTH = 500;

  /** A message without a note. */
  public OutboundMessage(String id, String providerId, String bookingId, int bookingSequence, MessageKind kind,
      Duration reminderLead, String recipient, Instant dueAt, MessageState state, int attempts, Instant nextAttemptAt,
      String leaseOwner, Instant leaseUntil, String lastError, Instant createdAt, Instant sentAt) {
    this(id, providerId, bookingId, bookingSequence, kind, reminderLead, recipient, dueAt, state, attempts,
        nextAttemptAt, leaseOwner, leaseUntil, lastError, createdAt, sentAt, null);
  }

  public OutboundMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    Objects.requireNonNull(createdAt, "createdAt");
    if ((kind == MessageKind.REMINDER) != (reminderLead != null)) {
      throw new IllegalArgumentException("reminders, and only they, have a lead time");
    }
    if (bookingSequence < 0 || attempts < 0) {
      throw new IllegalArgumentException("sequence and attempts cannot be negative");
    }
    if (note != null && (note.length() > PlainText.MAX_NOTE_LENGTH || note.isBlank())) {
      throw new IllegalArgumentException("a note is 1 to " + PlainText.MAX_NOTE_LENGTH + " characters");
    }
    if (lastError != null && lastError.length() > MAX_ERROR_LENGTH) {
      lastError = lastError.substring(0, MAX_ERROR_LENGTH);
    }
  }

  /** A new PENDING message, due at {@code dueAt}; times truncated to milliseconds. */
  public static OutboundMessage pending(String providerId, String bookingId, int bookingSequence, MessageKind kind,
      Duration reminderLead, String recipient, Instant dueAt, Instant now) {
    Instant due = millis(dueAt);
    return new OutboundMessage(idFor(bookingId, bookingSequence, kind, reminderLead), providerId, bookingId,
        bookingSequence, kind, reminderLead, recipient, due, MessageState.PENDING, 0, due, null, NO_LEASE, null,
        millis(now), null);
  }

  /**
   * The customer's confirmation once more, asked for by the provider at {@code now} (the first one was lost): its id
   * also names the minute, so asking twice within one minute stores nothing new, and a later ask is a mail of its own.
   */
  public static OutboundMessage resentConfirmation(String providerId, String bookingId, int bookingSequence,
      String recipient, Instant now) {
    Instant at = millis(now);
    String id = idFor(bookingId + "|resent-" + at.getEpochSecond() / 60, bookingSequence, MessageKind.CONFIRMATION,
        null);
    return new OutboundMessage(id, providerId, bookingId, bookingSequence, MessageKind.CONFIRMATION, null, recipient,
        at, MessageState.PENDING, 0, at, null, NO_LEASE, null, at, null);
  }

  /**
   * The deterministic id: 32 hex digits of SHA-256 over booking id, sequence, kind and lead, so a slug of fixed length
   * whatever the booking id.
   */
  public static String idFor(String bookingId, int bookingSequence, MessageKind kind, Duration reminderLead) {
    String key = bookingId + "|" + bookingSequence + "|" + kind + "|" + (reminderLead == null ? "" : reminderLead);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The same message with the provider's note to the recipient (null for none), shown in the mail. */
  public OutboundMessage withNote(String text) {
    return new OutboundMessage(id, providerId, bookingId, bookingSequence, kind, reminderLead, recipient, dueAt, state,
        attempts, nextAttemptAt, leaseOwner, leaseUntil, lastError, createdAt, sentAt, text);
  }

  /** Whether a dispatcher may take it at {@code now}: pending, due, and nobody holds a live lease. */
  public boolean claimableAt(Instant now) {
    return state == MessageState.PENDING && !nextAttemptAt.isAfter(now) && !leaseUntil.isAfter(now);
  }

  public OutboundMessage leased(String owner, Instant until) {
    return with(state, attempts, nextAttemptAt, Objects.requireNonNull(owner, "owner"), millis(until), lastError,
        sentAt);
  }

  public OutboundMessage sent(Instant now) {
    return with(MessageState.SENT, attempts + 1, nextAttemptAt, leaseOwner, NO_LEASE, lastError, millis(now));
  }

  /** A delivery attempt failed transiently: pending again from {@code next}, lease released. */
  public OutboundMessage retryAt(Instant next, String error) {
    return with(MessageState.PENDING, attempts + 1, millis(next), null, NO_LEASE, error, null);
  }

  /** Not decided yet (its booking write may still be under way): looked at again from {@code next}, no attempt used. */
  public OutboundMessage postponedTo(Instant next) {
    return with(MessageState.PENDING, attempts, millis(next), null, NO_LEASE, lastError, null);
  }

  public OutboundMessage failed(String error) {
    return with(MessageState.FAILED, attempts + 1, nextAttemptAt, leaseOwner, NO_LEASE, error, null);
  }

  public OutboundMessage skipped(String reason) {
    return with(MessageState.SKIPPED, attempts, nextAttemptAt, leaseOwner, NO_LEASE, reason, null);
  }

  private OutboundMessage with(MessageState newState, int newAttempts, Instant next, String owner, Instant until,
      String error, Instant sent) {
    return new OutboundMessage(id, providerId, bookingId, bookingSequence, kind, reminderLead, recipient, dueAt,
        newState, newAttempts, next, owner, until, error, createdAt, sent, note);
  }

  private static Instant millis(Instant instant) {
    return Instant.ofEpochMilli(instant.toEpochMilli());
  }
}
