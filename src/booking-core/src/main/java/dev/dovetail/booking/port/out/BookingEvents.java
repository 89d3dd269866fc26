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

  Future<Void> record(List<BookingChange> changes);

  /** Records nothing: for a hub without consumers of booking changes. */
  static BookingEvents none() {
    return changes -> Future.succeededFuture();
  }

  /** Records every change with each of {@code consumers} in turn; fails (so the caller does not go on) if one fails. */
  static BookingEvents all(List<BookingEvents> consumers) {
    List<BookingEvents> copy = List.copyOf(consumers);
    return changes -> {
      Future<Void> chain = Future.succeededFuture();
      for (BookingEvents consumer : copy) {
        chain = chain.compose(v -> consumer.record(changes));
      }
      return chain;
    };
  }
}
