package dev.dovetail.insights.domain;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A provider's figures over a range of its days (ADR 48). Every measure but utilisation is about the bookings that
 * start in the range; utilisation is about the time in it. {@code allResources} is false when only the first
 * resources were measured.
 */
public record Insights(InsightsRange range, List<DayCount> days, List<ResourceUse> utilisation, boolean allResources,
    Outcomes outcomes, List<MoneyTotals> money, Recovered waitlist, LeadTimes leadTime) {

  public Insights {
    days = List.copyOf(days);
    utilisation = List.copyOf(utilisation);
    money = List.copyOf(money);
  }

  /**
   * The figures of a range, from the provider's {@code bookings} overlapping it (other tenants' must not be given),
   * the {@code payments} of those bookings by booking id, and waitlist entries whose offers became those bookings.
   */
  public static Insights compute(InsightsRange range, List<Resource> resources, boolean allResources,
      List<Booking> bookings, Map<String, Payment> payments, List<WaitlistEntry> entries) {
    List<Booking> starting = bookings.stream().filter(b -> range.contains(b.time().start())).toList();
    List<Booking> confirmed = starting.stream().filter(b -> b.status() == BookingStatus.CONFIRMED).toList();
    List<ResourceUse> use = resources.stream()
        .map(r -> Utilisation.of(r, range.window(), bookings))
        .toList();
    return new Insights(range, days(range, starting), use, allResources, outcomes(starting, payments),
        money(starting, payments), recovered(confirmed, entries), LeadTimes.of(confirmed.stream()
            .map(b -> Duration.between(b.createdAt(), b.time().start()).toMinutes())
            .toList()));
  }

  private static List<DayCount> days(InsightsRange range, List<Booking> starting) {
    Map<LocalDate, int[]> counts = new TreeMap<>();
    range.days().forEach(d -> counts.put(d, new int[2]));
    for (Booking b : starting) {
      int[] day = counts.get(range.dayOf(b.time().start()));
      if (b.status() == BookingStatus.CONFIRMED) {
        day[0]++;
      } else if (b.status() == BookingStatus.CANCELLED) {
        day[1]++;
      }
    }
    List<DayCount> days = new ArrayList<>();
    counts.forEach((date, c) -> days.add(new DayCount(date, c[0], c[1])));
    return days;
  }

  private static Outcomes outcomes(List<Booking> starting, Map<String, Payment> payments) {
    int[] byStatus = new int[BookingStatus.values().length];
    starting.forEach(b -> byStatus[b.status().ordinal()]++);
    int noShows = (int) starting.stream()
        .filter(b -> b.status() == BookingStatus.CONFIRMED && noShow(payments.get(b.id())))
        .count();
    return new Outcomes(starting.size(), byStatus[BookingStatus.CONFIRMED.ordinal()],
        byStatus[BookingStatus.CANCELLED.ordinal()], byStatus[BookingStatus.EXPIRED.ordinal()],
        byStatus[BookingStatus.HELD.ordinal()], noShows);
  }

  private static boolean noShow(Payment p) {
    return p != null && p.noShow();
  }

  private static List<MoneyTotals> money(List<Booking> starting, Map<String, Payment> payments) {
    Map<String, MoneyTotals> byCurrency = new TreeMap<>();
    for (Booking b : starting) {
      Payment p = payments.get(b.id());
      if (p == null) {
        continue;
      }
      String currency = p.amount().currency();
      long kept = b.status() == BookingStatus.CANCELLED || p.noShow() ? p.captured() - p.refunded() : 0;
      MoneyTotals t = byCurrency.getOrDefault(currency, new MoneyTotals(currency, 0, 0, 0, 0));
      byCurrency.put(currency, new MoneyTotals(currency, t.payments() + 1, Math.addExact(t.taken(), p.captured()),
          Math.addExact(t.refunded(), p.refunded()), Math.addExact(t.kept(), kept)));
    }
    return List.copyOf(byCurrency.values());
  }

  private static Recovered recovered(List<Booking> confirmed, List<WaitlistEntry> entries) {
    Set<String> ids = confirmed.stream().map(Booking::id).collect(Collectors.toSet());
    Map<String, Long> byCurrency = new TreeMap<>();
    int count = 0;
    for (WaitlistEntry e : entries) {
      if (e.status() == EntryStatus.BOOKED && e.recovered() != null && ids.contains(e.bookingId())) {
        count++;
        byCurrency.merge(e.recovered().currency(), e.recovered().minorUnits(), Math::addExact);
      }
    }
    List<Money> value = new ArrayList<>();
    byCurrency.forEach((currency, minor) -> value.add(new Money(minor, currency)));
    return new Recovered(count, value);
  }
}
