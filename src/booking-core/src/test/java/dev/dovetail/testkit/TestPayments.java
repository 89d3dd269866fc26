package dev.dovetail.testkit;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import java.time.Duration;
import java.util.List;

/** Fixtures for the payments capability. */
public final class TestPayments {

  private TestPayments() {}

  /** Full refund 48 h ahead, half 24 h ahead, nothing later. */
  public static final List<CancellationTier> POLICY = List.of(
      new CancellationTier(Duration.ofHours(48), 100),
      new CancellationTier(Duration.ofHours(24), 50),
      new CancellationTier(Duration.ZERO, 0));

  /** Like {@link TestBookings#simpleType}, priced at 80.00 EUR, with {@link #POLICY} and a 10-minute hold. */
  public static BookingType paidType(String id, String providerId, String resourceId, int minutes,
      PaymentRequirement payment) {
    return new BookingType(id, providerId, resourceId, id, List.of(Duration.ofMinutes(minutes)),
        Duration.ofMinutes(minutes), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 0, 0,
        new Money(8_000, "EUR"), payment, POLICY, Duration.ofMinutes(10));
  }
}
