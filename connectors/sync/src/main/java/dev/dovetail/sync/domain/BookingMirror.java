package dev.dovetail.sync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The durable write job and the id-to-etag link of one booking in one connection's target calendar, as one document.
 * Every recorded booking change bumps {@code requested}; the writer makes the external event match the booking as it
 * is then (present while it blocks, absent otherwise) and sets {@code done} to the {@code requested} it saw, so work
 * is pending while {@code done < requested}, and replays are harmless. {@code eventId}/{@code etag} are the event the
 * hub wrote and the etag it got back: an inbound event with that id is the hub's own and never becomes busy time.
 */
public record BookingMirror(
    String connectionId,
    String bookingId,
    String calendarId,
    String eventId,
    String etag,
    long requested,
    long done,
    int attempts,
    Instant nextAttemptAt,
    String leaseOwner,
    Instant leaseUntil,
    String lastError,
    Instant createdAt) {

  public static final Instant NO_LEASE = Instant.EPOCH;

  public BookingMirror {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(calendarId, "calendarId");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public static String keyOf(String connectionId, String bookingId) {
    return connectionId + "|" + bookingId;
  }

  public static BookingMirror requested(String connectionId, String bookingId, String calendarId, Instant now) {
    return new BookingMirror(connectionId, bookingId, calendarId, null, null, 1, 0, 0, now, null, NO_LEASE, null, now);
  }

  public String key() {
    return keyOf(connectionId, bookingId);
  }

  public boolean pending() {
    return done < requested;
  }

  public boolean claimableAt(Instant now) {
    return pending() && !nextAttemptAt.isAfter(now) && !leaseUntil.isAfter(now);
  }

  /** The external event now matches the booking as of {@code seen}; {@code written} is null when it is absent. */
  public BookingMirror completed(long seen, WrittenEvent written) {
    return new BookingMirror(connectionId, bookingId, calendarId, written == null ? null : written.eventId(),
        written == null ? null : written.etag(), requested, Math.max(done, seen), 0, nextAttemptAt, null, NO_LEASE,
        null, createdAt);
  }

  public BookingMirror retryAt(Instant next, String error) {
    return new BookingMirror(connectionId, bookingId, calendarId, eventId, etag, requested, done, attempts + 1, next,
        null, NO_LEASE, error, createdAt);
  }

  public BookingMirror leased(String owner, Instant until) {
    return new BookingMirror(connectionId, bookingId, calendarId, eventId, etag, requested, done, attempts,
        nextAttemptAt, owner, until, lastError, createdAt);
  }
}
