package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Instant;

/** A provider's view of its bookings; every call is scoped to the provider (tenant isolation). */
public interface ProviderBookings {

  /** By start time; {@code resourceId} and {@code window} (bookings overlapping it) are optional filters. */
  Future<Page<Booking>> list(String providerId, String resourceId, TimeRange window, PageRequest page);

  Future<Booking> get(String providerId, String bookingId);

  Future<Booking> cancel(String providerId, String bookingId);

  /**
   * Cancels with a note to the customer, shown in the cancellation mail: one line of at most 500 characters, or null
   * for none.
   */
  Future<Booking> cancel(String providerId, String bookingId, String note);

  /**
   * Moves the provider's booking to {@code newStart} in one guarded step, as the customer's reschedule does; fails with
   * SlotTakenException (with the nearest free starts) if the time is not free.
   */
  Future<Booking> reschedule(String providerId, String bookingId, Instant newStart);
}
