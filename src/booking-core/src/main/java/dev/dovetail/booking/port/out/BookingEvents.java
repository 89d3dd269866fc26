package dev.dovetail.booking.port.out;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where booking changes are recorded for the work they cause (outbox). Called before the booking document is written,
 * so a change acknowledged to the user always has its work recorded; a recorded change whose booking write then failed
 * is recognised by its consumers, which check the booking's state and sequence before acting. Implementations must be
 * idempotent: the same change may be recorded twice.
 */
public interface BookingEvents {

  /** Records the changes; the record is durable once the future succeeds. */
  Future<Void> record(List<BookingChange> changes);

  /**
   * Records the changes, succeeding once the store acknowledged the record, which is durable only after
   * {@link Acknowledged#durable()} succeeds: callers wait for that before writing the change itself (ADR 58's order).
   * By default {@link #record}, with nothing left to wait for.
   */
  default Future<Acknowledged> recordAcknowledged(List<BookingChange> changes) {
    return record(changes).map(Acknowledged.DURABLE);
  }

  /** Records nothing: for a hub without consumers of booking changes. */
  static BookingEvents none() {
    return changes -> Future.succeededFuture();
  }

  /**
   * Records every change with each of {@code consumers} in turn; fails (so the caller does not go on) if one fails.
   * What they record without waiting is made durable by one wait per store after the last of them (ADR 74).
   */
  static BookingEvents all(List<BookingEvents> consumers) {
    List<BookingEvents> copy = List.copyOf(consumers);
    return new BookingEvents() {
      @Override
      public Future<Void> record(List<BookingChange> changes) {
        return recordAcknowledged(changes).compose(Acknowledged::durable);
      }

      @Override
      public Future<Acknowledged> recordAcknowledged(List<BookingChange> changes) {
        Future<Acknowledged> chain = Future.succeededFuture(Acknowledged.DURABLE);
        for (BookingEvents consumer : copy) {
          chain = chain.compose(before -> consumer.recordAcknowledged(changes).map(before::and));
        }
        return chain;
      }
    };
  }
}
