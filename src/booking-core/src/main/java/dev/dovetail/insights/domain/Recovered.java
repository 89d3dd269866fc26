package dev.dovetail.insights.domain;

import dev.dovetail.booking.domain.Money;
import java.util.List;

/** Confirmed bookings in the range that the waitlist won back (claimed offers), and their value per currency. */
public record Recovered(int count, List<Money> value) {

  public Recovered {
    value = List.copyOf(value);
  }
}
