package dev.dovetail.calendar.domain;

import dev.dovetail.kernel.ConflictException;

/**
 * A calendar write touched a booking's own event, or a name or UID reserved for bookings: bookings change through
 * Dovetail (reschedule, cancel), never as calendar objects. Nothing was written.
 */
public class BookingEventReadOnlyException extends ConflictException {

  public BookingEventReadOnlyException(String reason) {
    super(reason);
  }
}
