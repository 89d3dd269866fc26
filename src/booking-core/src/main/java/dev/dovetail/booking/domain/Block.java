package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.util.Objects;

/**
 * One element of a resource's {@link Schedule}: the blocking span of a booking or hold (the booked time widened by
 * the type's buffers) or of a busy interval. {@code ownerId} is the booking or busy-interval id; {@code booked} is the
 * unwidened time, used to count bookings per day; {@code expiresAt} is set for holds only; {@code placedAt} lets the
 * janitor tell a block whose booking write was lost in a crash from one whose booking write is still in flight.
 */
public record Block(
    String ownerId,
    Kind kind,
    String bookingTypeId,
    TimeRange booked,
    TimeRange span,
    Instant expiresAt,
    Instant placedAt) {

  /** BOOKING blocks (bookings and holds) may overlap nothing; BUSY blocks may overlap each other. */
  public enum Kind {
    BOOKING,
    BUSY
  }

  public Block {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(booked, "booked");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(placedAt, "placedAt");
    if (!span.encloses(booked)) {
      throw new IllegalArgumentException("a block's span must enclose its booked time");
    }
    if (kind == Kind.BOOKING) {
      Objects.requireNonNull(bookingTypeId, "bookingTypeId");
    }
  }

  public static Block forBooking(Booking booking, BookingType type, Instant now) {
    return new Block(booking.id(), Kind.BOOKING, type.id(), booking.time(), type.blockingSpan(booking.time()),
        booking.status() == BookingStatus.HELD ? booking.holdExpiresAt() : null, now);
  }

  public static Block forBusy(BusyInterval busy, Instant now) {
    return new Block(busy.id(), Kind.BUSY, null, busy.time(), busy.time(), null, now);
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public Block confirmed() {
    return new Block(ownerId, kind, bookingTypeId, booked, span, null, placedAt);
  }
}
