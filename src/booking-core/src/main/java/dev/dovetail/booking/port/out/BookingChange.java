package dev.dovetail.booking.port.out;

import dev.dovetail.booking.domain.Booking;
import java.util.Objects;

/**
 * A change to a booking that others may owe work for (mail, calendar sync, payments): the booking after the change,
 * the booking before it ({@code null} when it is new), who made it, and the provider's note to the customer (null for
 * none; a cancellation's mail shows it).
 */
public record BookingChange(Kind kind, Booking booking, Booking previous, Actor actor, String note) {

  /** A change without a note. */
  public BookingChange(Kind kind, Booking booking, Booking previous, Actor actor) {
    this(kind, booking, previous, actor, null);
  }

  public enum Kind {
    BOOKED,
    CONFIRMED,
    RESCHEDULED,
    CANCELLED,
    /** A hold ran out before it was confirmed (recorded by the janitor); its time is free again. */
    EXPIRED
  }

  public enum Actor {
    CUSTOMER,
    PROVIDER,
    SYSTEM
  }

  public BookingChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(booking, "booking");
    Objects.requireNonNull(actor, "actor");
  }
}
