package dev.dovetail.booking.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A customer's booking of a resource. {@code time} is the booked interval in UTC (without buffers); {@code
 * customerZone} is the zone the customer booked in, used to show them times. A HELD booking blocks until {@code
 * holdExpiresAt}. {@code sequence} counts changes (iCalendar SEQUENCE). Bookings of a weekly series share a {@code seriesId}.
 */
public record Booking(
    String id,
    String providerId,
    String resourceId,
    String bookingTypeId,
    TimeRange time,
    ZoneId customerZone,
    String customerName,
    String customerEmail,
    BookingStatus status,
    Instant holdExpiresAt,
    String seriesId,
    int sequence,
    Instant createdAt,
    Instant updatedAt) {

  public Booking {
    Ids.requireSlug(id, "booking id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(bookingTypeId, "bookingTypeId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(customerZone, "customerZone");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(customerEmail, "customerEmail");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (status == BookingStatus.HELD && holdExpiresAt == null) {
      throw new IllegalArgumentException("a held booking needs a hold expiry");
    }
  }

  /** Whether this booking blocks its resource at {@code now}: confirmed, or held and not yet expired. */
  public boolean blocksAt(Instant now) {
    return status == BookingStatus.CONFIRMED || (status == BookingStatus.HELD && now.isBefore(holdExpiresAt));
  }

  public Booking withStatus(BookingStatus newStatus, Instant now) {
    Instant expiry = newStatus == BookingStatus.HELD ? holdExpiresAt : null;
    return new Booking(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail,
        newStatus, expiry, seriesId, sequence + 1, createdAt, now);
  }

  public Booking movedTo(TimeRange newTime, Instant now) {
    return new Booking(id, providerId, resourceId, bookingTypeId, newTime, customerZone, customerName, customerEmail,
        status, holdExpiresAt, seriesId, sequence + 1, createdAt, now);
  }
}
