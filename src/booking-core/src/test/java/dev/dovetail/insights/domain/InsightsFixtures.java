package dev.dovetail.insights.domain;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bookings, payments and waitlist entries for the insights tests. */
final class InsightsFixtures {

  static final String PROVIDER = "acme";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final WallClockWindow ALL_DAY = WallClockWindow.of("00:00", "00:00");

  private InsightsFixtures() {}

  static Resource resource(String id, ZoneId zone, AvailabilityRule rule) {
    return new Resource(id, PROVIDER, "Room " + id, zone, true, rule);
  }

  /** Open every day of the week, the whole day. */
  static AvailabilityRule allWeek() {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      weekly.put(d, List.of(ALL_DAY));
    }
    return new AvailabilityRule(weekly, List.of(), Map.of(), Set.of());
  }

  static Booking booking(String id, String resource, Instant start, int minutes, BookingStatus status,
      Instant createdAt) {
    return new Booking(id, PROVIDER, resource, "type", TimeRange.of(start, Duration.ofMinutes(minutes)),
        BERLIN, "Ada", "ada@example.com", status, status == BookingStatus.HELD ? start : null, null, 0, createdAt,
        createdAt);
  }

  /** A payment of {@code amount} of which {@code captured} was taken and {@code refunded} given back. */
  static Payment payment(Booking b, Money amount, long captured, long refunded, boolean noShow) {
    Instant t = b.createdAt();
    Payment p = Payment.awaiting(b.id(), b.providerId(), amount, false, t);
    if (captured > 0) {
      p = p.paid(captured, t).refundedTotal(refunded, t);
    }
    return noShow ? p.markedNoShow(t) : p;
  }

  /** A waitlist entry whose claimed offer became {@code b}, worth {@code value}. */
  static WaitlistEntry recovered(String id, Booking b, Money value) {
    Instant t = b.createdAt();
    WaitlistEntry e = WaitlistEntry.join(id, b.providerId(), b.resourceId(), b.bookingTypeId(), "Grace",
        "grace@example.com", BERLIN, Wish.slot(b.time().start()), t.minusSeconds(60));
    return e.offered(new SlotOffer(b.id(), b.time(), t.plusSeconds(900), false), t).booked(b.id(), value, t);
  }
}
