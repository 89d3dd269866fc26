package dev.dovetail.testkit;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Small builders for test fixtures. */
public final class TestBookings {

  private TestBookings() {}

  /** A bookable resource open Monday to Friday 09:00-17:00 with a 12:00-13:00 lunch break. */
  public static Resource officeHours(String id, String providerId, ZoneId zone) {
    return new Resource(id, providerId, "Room " + id, zone, true, AvailabilityRule.weekdays(
        WallClockWindow.of("09:00", "17:00"), List.of(WallClockWindow.of("12:00", "13:00"))));
  }

  /** A type with one duration, slots every {@code minutes}, no buffers, notice, or limits, a one-year horizon. */
  public static BookingType simpleType(String id, String providerId, String resourceId, int minutes) {
    return new BookingType(id, providerId, resourceId, id, List.of(Duration.ofMinutes(minutes)),
        Duration.ofMinutes(minutes), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofDays(365), 0, 0,
        Money.zero("EUR"), PaymentRequirement.NONE, List.of(), Duration.ofMinutes(10));
  }
}
