package dev.dovetail.insights.domain;

import static dev.dovetail.insights.domain.InsightsFixtures.booking;
import static dev.dovetail.insights.domain.InsightsFixtures.payment;
import static dev.dovetail.insights.domain.InsightsFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.payment.domain.Payment;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

/**
 * Insights against a brute-force model: time sampled every 15 minutes (every instant the scenarios use is on that
 * grid, in every zone chosen), money summed as BigIntegers, lead times sorted. Scenarios: up to three resources in
 * zones with DST (Berlin, New York, Lord Howe's half hour) and without, random weekly hours, breaks, overrides and
 * holidays, ranges of 1 to 4 days starting on or near the 2027 DST days, bookings of every status in several
 * currencies. The open windows of one date come from {@code WallClockWindow.rangesOn}, which has its own properties.
 */
@Label("Insights against a brute-force model")
class InsightsProperties {

  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
      ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"));
  private static final List<LocalDate> STARTS = List.of(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 14),
      LocalDate.of(2027, 10, 30), LocalDate.of(2027, 11, 7), LocalDate.of(2027, 4, 4), LocalDate.of(2027, 10, 3),
      LocalDate.of(2027, 6, 15));
  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");
  private static final Duration STEP = Duration.ofMinutes(15);

  record Scenario(InsightsRange range, List<Resource> resources, List<Booking> bookings, Map<String, Payment> payments) {

    static Scenario random(Random r) {
      ZoneId providerZone = pick(r, ZONES);
      LocalDate from = pick(r, STARTS).plusDays(r.nextInt(3) - 1);
      InsightsRange range = new InsightsRange(from, from.plusDays(1 + r.nextInt(4)), providerZone);
      List<Resource> resources = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
        resources.add(resource("room-" + i, pick(r, ZONES), rule(r, from)));
      }
      List<Booking> bookings = new ArrayList<>();
      Map<String, Payment> payments = new HashMap<>();
      Instant earliest = range.window().start().minus(Duration.ofDays(1));
      long steps = Duration.between(earliest, range.window().end().plus(Duration.ofDays(1))).dividedBy(STEP);
      for (int i = 0, n = r.nextInt(30); i < n; i++) {
        Instant start = earliest.plus(STEP.multipliedBy(r.nextLong(steps)));
        BookingStatus status = pick(r, List.of(BookingStatus.values()));
        Instant created = start.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 45) - 60 * 24));
        Booking b = booking("b-" + i, pick(r, resources).id(), start, 15 * (1 + r.nextInt(16)), status, created);
        if (r.nextInt(3) == 0) {
          b = b.placedOn(resources.stream().map(Resource::id).toList());
        }
        bookings.add(b);
        if (r.nextBoolean()) {
          long amount = 1 + r.nextInt(100_000);
          long captured = r.nextBoolean() ? amount : 0;
          long refunded = captured == 0 ? 0 : r.nextLong(captured + 1);
          payments.put(b.id(), payment(b, new Money(amount, pick(r, CURRENCIES)), captured, refunded,
              r.nextInt(4) == 0));
        }
      }
      return new Scenario(range, resources, bookings, payments);
    }

    private static AvailabilityRule rule(Random r, LocalDate near) {
      Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
      for (DayOfWeek d : DayOfWeek.values()) {
        if (r.nextInt(5) > 0) {
          weekly.put(d, List.of(window(r)));
        }
      }
      List<WallClockWindow> breaks = r.nextBoolean() ? List.of(WallClockWindow.of("12:00", "13:00")) : List.of();
      Map<LocalDate, List<WallClockWindow>> overrides = r.nextInt(3) == 0
          ? Map.of(near.plusDays(r.nextInt(4)), List.of(window(r))) : Map.of();
      Set<LocalDate> holidays = r.nextInt(3) == 0 ? Set.of(near.plusDays(r.nextInt(4))) : Set.of();
      return new AvailabilityRule(weekly, breaks, overrides, holidays);
    }

    /** 00:00 to midnight, or a window of whole quarter hours, some over the hours DST skips or repeats. */
    private static WallClockWindow window(Random r) {
      if (r.nextInt(4) == 0) {
        return WallClockWindow.of("00:00", "00:00");
      }
      int from = 15 * r.nextInt(4 * 22);
      int to = from + 15 * (1 + r.nextInt((24 * 60 - from) / 15 - 1));
      return new WallClockWindow(LocalTime.of(from / 60, from % 60), LocalTime.of(to / 60, to % 60));
    }

    private static <T> T pick(Random r, List<T> from) {
      return from.get(r.nextInt(from.size()));
    }

    Insights insights() {
      return Insights.compute(range, resources, true, bookings, payments, List.of());
    }

    List<Booking> starting() {
      return bookings.stream().filter(b -> range.contains(b.time().start())).toList();
    }
  }

  @Property(tries = 300)
  @Label("utilisation is booked ÷ open time counted quarter hour by quarter hour, and never above 1")
  void utilisationMatchesTheModel(@ForAll Random random) {
    Scenario s = Scenario.random(random);
    List<ResourceUse> use = s.insights().utilisation();
    for (int i = 0; i < s.resources().size(); i++) {
      Resource resource = s.resources().get(i);
      List<TimeRange> open = openRanges(resource, s.range());
      long openSteps = 0;
      long bookedSteps = 0;
      for (Instant t = s.range().window().start(); t.isBefore(s.range().window().end()); t = t.plus(STEP)) {
        Instant at = t;
        if (open.stream().anyMatch(r -> r.contains(at))) {
          openSteps++;
          if (s.bookings().stream().anyMatch(b -> b.status() == BookingStatus.CONFIRMED
              && b.blocksResource(resource.id()) && b.time().contains(at))) {
            bookedSteps++;
          }
        }
      }
      assertThat(use.get(i).openSeconds()).as("open " + resource.id()).isEqualTo(openSteps * STEP.getSeconds());
      assertThat(use.get(i).bookedSeconds()).as("booked " + resource.id()).isEqualTo(bookedSteps * STEP.getSeconds());
      assertThat(use.get(i).ratio()).isBetween(0.0, 1.0);
    }
  }

  /** Every open window of every date near the range, as the rule's one-date resolution gives them, unmerged. */
  private static List<TimeRange> openRanges(Resource resource, InsightsRange range) {
    List<TimeRange> ranges = new ArrayList<>();
    for (LocalDate d = range.from().minusDays(2); d.isBefore(range.to().plusDays(2)); d = d.plusDays(1)) {
      for (WallClockWindow w : resource.availability().openWindowsOn(d)) {
        ranges.addAll(w.rangesOn(d, resource.zone()));
      }
    }
    return ranges;
  }

  @Property(tries = 300)
  @Label("one count per day of the range; per-day counts sum to the outcomes; outcomes sum to the total")
  void dayCountsSumToTheTotals(@ForAll Random random) {
    Scenario s = Scenario.random(random);
    Insights insights = s.insights();
    Outcomes o = insights.outcomes();
    assertThat(insights.days()).extracting(DayCount::date).containsExactlyElementsOf(s.range().days());
    assertThat(insights.days().stream().mapToInt(DayCount::confirmed).sum()).isEqualTo(o.confirmed());
    assertThat(insights.days().stream().mapToInt(DayCount::cancelled).sum()).isEqualTo(o.cancelled());
    assertThat(o.confirmed() + o.cancelled() + o.expired() + o.held()).isEqualTo(o.total());
    assertThat(o.total()).isEqualTo(s.starting().size());
    for (DayCount day : insights.days()) {
      long model = s.starting().stream().filter(b -> b.status() == BookingStatus.CONFIRMED
          && b.time().start().atZone(s.range().zone()).toLocalDate().equals(day.date())).count();
      assertThat(day.confirmed()).as(day.date().toString()).isEqualTo(model);
    }
    assertThat(o.noShows()).isEqualTo(s.starting().stream().filter(b -> b.status() == BookingStatus.CONFIRMED
        && s.payments().containsKey(b.id()) && s.payments().get(b.id()).noShow()).count());
  }

  @Property(tries = 300)
  @Label("money sums equal the sums of the payments, per currency, in exact minor units")
  void moneyEqualsThePayments(@ForAll Random random) {
    Scenario s = Scenario.random(random);
    Map<String, BigInteger[]> model = new TreeMap<>();
    for (Booking b : s.starting()) {
      Payment p = s.payments().get(b.id());
      if (p == null) {
        continue;
      }
      BigInteger[] sums = model.computeIfAbsent(p.amount().currency(),
          c -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
      sums[0] = sums[0].add(BigInteger.ONE);
      sums[1] = sums[1].add(BigInteger.valueOf(p.captured()));
      sums[2] = sums[2].add(BigInteger.valueOf(p.refunded()));
      if (b.status() == BookingStatus.CANCELLED || p.noShow()) {
        sums[3] = sums[3].add(BigInteger.valueOf(p.captured() - p.refunded()));
      }
    }
    List<MoneyTotals> money = s.insights().money();
    assertThat(money).extracting(MoneyTotals::currency).containsExactlyElementsOf(model.keySet());
    for (MoneyTotals t : money) {
      BigInteger[] sums = model.get(t.currency());
      assertThat(List.of(t.payments(), t.taken(), t.refunded(), t.kept())).as(t.currency())
          .containsExactly(sums[0].intValue(), sums[1].longValueExact(), sums[2].longValueExact(),
              sums[3].longValueExact());
      assertThat(t.net()).isBetween(0L, t.taken());
      assertThat(t.kept()).isBetween(0L, t.net());
    }
  }

  @Property(tries = 300)
  @Label("lead time: the median is the lower middle of the sorted lead times, the buckets count each booking once")
  void leadTimesMatchTheModel(@ForAll Random random) {
    Scenario s = Scenario.random(random);
    List<Long> minutes = new ArrayList<>(s.starting().stream()
        .filter(b -> b.status() == BookingStatus.CONFIRMED)
        .map(b -> Math.max(0, Duration.between(b.createdAt(), b.time().start()).toMinutes()))
        .toList());
    minutes.sort(null);
    LeadTimes lead = s.insights().leadTime();
    assertThat(lead.count()).isEqualTo(minutes.size());
    assertThat(lead.medianMinutes()).isEqualTo(minutes.isEmpty() ? null : minutes.get((minutes.size() - 1) / 2));
    assertThat(lead.buckets().stream().mapToInt(LeadTimes.Bucket::count).sum()).isEqualTo(minutes.size());
    Set<Long> seen = new HashSet<>();
    for (LeadTimes.Bucket bucket : lead.buckets()) {
      assertThat(bucket.count()).isEqualTo(minutes.stream().filter(bucket::holds).count());
      assertThat(seen.add(bucket.fromMinutes())).isTrue();
    }
  }
}
