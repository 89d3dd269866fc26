package dev.dovetail.booking.port.out;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Booking details (customer, status, token hash). What blocks time lives in the {@link ScheduleRepository}. */
public interface BookingRepository {

  /** Inserts new bookings; fails with a ConflictException if an id exists. Durable once the future succeeds. */
  Future<Void> insertAll(List<Booking> bookings);

  /**
   * Replaces a booking if its stored {@code revision} is {@code booking.revision() - 1} (optimistic concurrency);
   * fails with a ConflictException otherwise.
   */
  Future<Void> update(Booking booking);

  Future<Optional<Booking>> findById(String id);

  /**
   * The provider's bookings by start time, keyset-paginated; {@code resourceId} null for all resources, {@code
   * window} null for all times, else only bookings whose time overlaps it.
   */
  Future<Page<Booking>> listByProvider(String providerId, String resourceId, TimeRange window, PageRequest page);

  /** Held bookings whose hold expired before {@code now}, at most {@code limit}. */
  Future<List<Booking>> findExpiredHolds(Instant now, int limit);

  /** The bookings among these ids that exist (at most a few hundred ids per call), for the janitor. */
  Future<List<Booking>> findByIds(List<String> ids);
}
