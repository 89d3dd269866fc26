package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.BookingMirror;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outbound write jobs and the id-to-etag map, one {@link BookingMirror} per (connection, booking), changed only by
 * single-document conditional updates so several hub nodes can share it.
 */
public interface BookingMirrorRepository {

  /**
   * Records that the booking changed: creates the mirror (requested 1) or increments its {@code requested} and makes
   * it due at {@code now}. Durable once the future succeeds.
   */
  Future<Void> request(String connectionId, String bookingId, String calendarId, Instant now);

  /** Leases up to {@code limit} claimable mirrors (pending, due, no live lease) to {@code owner}; returns them. */
  Future<List<BookingMirror>> claimDue(Instant now, String owner, Duration lease, int limit);

  /**
   * Stores {@code next} if {@code owner} still holds the lease; {@code requested} is never lowered (a change recorded
   * meanwhile stays pending). False if the lease was lost.
   */
  Future<Boolean> complete(BookingMirror next, String owner);

  Future<Optional<BookingMirror>> find(String connectionId, String bookingId);

  /** Every mirror of the connection: the inbound engine's set of the hub's own event ids. */
  Future<List<BookingMirror>> listByConnection(String connectionId);

  Future<Void> deleteByConnection(String connectionId);
}
