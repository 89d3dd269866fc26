package dev.dovetail.waitlist.domain;

import dev.dovetail.booking.domain.Money;
import java.util.List;

/** What the waitlist won back for a provider: bookings claimed from offers, and their value per currency. */
public record RecoveredBookings(long count, List<Money> value) {

  public RecoveredBookings {
    value = List.copyOf(value);
  }
}
