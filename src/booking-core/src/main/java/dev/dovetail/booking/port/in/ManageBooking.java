package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.Booking;
import io.vertx.core.Future;
import java.time.Instant;

/** What a customer does through the manage link; the token is {@code <bookingId>.<secret>}. */
public interface ManageBooking {

  Future<Booking> find(String manageToken);

  /** Cancels without a reason. */
  default Future<Booking> cancel(String manageToken) {
    return cancelBecause(manageToken, null);
  }

  /**
   * Cancels, keeping the customer's optional {@code reason} for the provider (blank: none; longer than {@link
   * Booking#MAX_REASON_LENGTH}: InvalidRequestException).
   */
  Future<Booking> cancelBecause(String manageToken, String reason);

  /** Moves the booking to {@code newStart} in one guarded step; fails with SlotTakenException if not free. */
  Future<Booking> reschedule(String manageToken, Instant newStart);

  /** Confirms a held booking (the payments capability calls this when payment succeeds). */
  Future<Booking> confirmHold(String bookingId);

  /**
   * Releases a live hold at once (the payments capability calls this when a payment failed): the booking becomes
   * CANCELLED by the system, recorded as a change. Fails with ConflictException unless the booking is a live hold.
   */
  Future<Booking> releaseHold(String bookingId);
}
