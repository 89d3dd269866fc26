package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.BookingConflict;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Bookings flagged as conflicting with external events, keyed by booking id. */
public interface ConflictRepository {

  /** Adds the conflict's events to the booking's flag; true if the booking was not flagged before (notify once). */
  Future<Boolean> flag(BookingConflict conflict);

  Future<Optional<BookingConflict>> find(String bookingId);

  Future<List<BookingConflict>> listByProvider(String providerId);

  Future<Void> clear(String bookingId);
}
