package dev.dovetail.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Label("RefundPolicy: tiers decided on UTC instants")
class RefundPolicyProperties {

  private static final List<CancellationTier> STANDARD = List.of(
      new CancellationTier(Duration.ofHours(48), 100),
      new CancellationTier(Duration.ofHours(24), 50),
      new CancellationTier(Duration.ZERO, 0));
  private static final Money PAID = new Money(12_345, "EUR");

  @Property
  @Label("exactly 24 h before the start the 24 h tier applies; one second later it does not")
  void boundaryIsExactToTheSecond(@ForAll("starts") Instant start) {
    Instant boundary = start.minus(Duration.ofHours(24));
    assertThat(RefundPolicy.percentAt(STANDARD, start, boundary.minusSeconds(1))).isEqualTo(50);
    assertThat(RefundPolicy.percentAt(STANDARD, start, boundary)).isEqualTo(50);
    assertThat(RefundPolicy.percentAt(STANDARD, start, boundary.plusSeconds(1))).isEqualTo(0);
    assertThat(RefundPolicy.refundAt(STANDARD, start, boundary, PAID)).isEqualTo(new Money(6_172, "EUR"));
    assertThat(RefundPolicy.refundAt(STANDARD, start, boundary.plusSeconds(1), PAID)).isEqualTo(Money.zero("EUR"));
  }

  @Property
  @Label("across a DST change the 24 h tier ends 24 elapsed hours before the start, not at the same wall-clock time")
  void dstChangeDoesNotMoveTheBoundary(@ForAll("dstStarts") ZonedDateTime start) {
    Instant startUtc = start.toInstant();
    ZonedDateTime sameWallClockDayBefore = start.minusDays(1); // 23 or 25 elapsed hours across the change
    Duration elapsed = Duration.between(sameWallClockDayBefore.toInstant(), startUtc);
    assertThat(elapsed).isNotEqualTo(Duration.ofHours(24));
    int atWallClock = RefundPolicy.percentAt(STANDARD, startUtc, sameWallClockDayBefore.toInstant());
    assertThat(atWallClock).isEqualTo(elapsed.compareTo(Duration.ofHours(24)) >= 0 ? 50 : 0);
    Instant boundary = startUtc.minus(Duration.ofHours(24));
    assertThat(RefundPolicy.percentAt(STANDARD, startUtc, boundary)).isEqualTo(50);
    assertThat(RefundPolicy.percentAt(STANDARD, startUtc, boundary.plusSeconds(1))).isEqualTo(0);
  }

  @Property
  @Label("cancelling earlier never refunds less, and the refund never exceeds what was paid")
  void earlierNeverRefundsLess(@ForAll("policies") List<CancellationTier> tiers, @ForAll("starts") Instant start,
      @ForAll @LongRange(min = 0, max = 30L * 24 * 3600) long earlierBy, @ForAll @LongRange(min = 0,
          max = 10L * 24 * 3600) long noticeSeconds, @ForAll @LongRange(min = 1, max = 10_000_000) long paid) {
    Money money = new Money(paid, "EUR");
    Instant late = start.minusSeconds(noticeSeconds);
    Instant early = late.minusSeconds(earlierBy);
    Money lateRefund = RefundPolicy.refundAt(tiers, start, late, money);
    Money earlyRefund = RefundPolicy.refundAt(tiers, start, early, money);
    assertThat(earlyRefund.minorUnits()).isGreaterThanOrEqualTo(lateRefund.minorUnits());
    assertThat(earlyRefund.minorUnits()).isLessThanOrEqualTo(paid);
  }

  @Property
  @Label("the tier with the longest notice that is met decides, whatever the order the tiers are listed in")
  void longestMetNoticeDecides(@ForAll("policies") List<CancellationTier> tiers, @ForAll("starts") Instant start,
      @ForAll @LongRange(min = -3600, max = 10L * 24 * 3600) long noticeSeconds) {
    Instant at = start.minusSeconds(noticeSeconds);
    int expected = tiers.stream()
        .filter(t -> t.noticeBeforeStart().getSeconds() <= noticeSeconds)
        .max(Comparator.comparing(CancellationTier::noticeBeforeStart))
        .map(CancellationTier::refundPercent).orElse(0);
    List<CancellationTier> reversed = new ArrayList<>(tiers);
    java.util.Collections.reverse(reversed);
    assertThat(RefundPolicy.percentAt(tiers, start, at)).isEqualTo(expected);
    assertThat(RefundPolicy.percentAt(reversed, start, at)).isEqualTo(expected);
  }

  @Example
  @Label("after the start, or with no tiers, nothing is refunded")
  void afterStartOrNoTiersRefundsNothing() {
    Instant start = Instant.parse("2026-03-29T09:00:00Z");
    assertThat(RefundPolicy.percentAt(List.of(new CancellationTier(Duration.ofHours(1), 100)), start,
        start.plusSeconds(1))).isZero();
    assertThat(RefundPolicy.percentAt(List.of(), start, start.minus(Duration.ofDays(30)))).isZero();
  }

  @Property
  @Label("a deposit is never more than the price: a percentage rounds down, a fixed amount is capped")
  void depositNeverExceedsPrice(@ForAll @LongRange(min = 0, max = 100_000_000) long price,
      @ForAll @IntRange(min = 1, max = 100) int percent, @ForAll @LongRange(min = 1, max = 200_000_000) long fixed) {
    Money money = new Money(price, "USD");
    Money byPercent = DepositRule.percent(percent).of(money);
    assertThat(byPercent.minorUnits()).isLessThanOrEqualTo(price).isEqualTo(price * percent / 100);
    assertThat(DepositRule.fixed(fixed).of(money).minorUnits()).isEqualTo(Math.min(fixed, price));
    assertThat(byPercent.currency()).isEqualTo("USD");
  }

  @Provide
  Arbitrary<Instant> starts() {
    return Arbitraries.longs().between(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
        Instant.parse("2035-01-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
  }

  /** Starts on the day of a DST change, after it (so the same wall-clock time a day earlier is before it). */
  @Provide
  Arbitrary<ZonedDateTime> dstStarts() {
    Arbitrary<ZoneId> zones = Arbitraries.of("Europe/Berlin", "America/New_York", "Australia/Sydney",
        "Europe/London").map(ZoneId::of);
    Arbitrary<Integer> years = Arbitraries.integers().between(2025, 2034);
    Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
    return Combinators.combine(zones, years, Arbitraries.of(true, false), times).as((zone, year, spring, time) -> {
      var rules = zone.getRules();
      var transition = rules.nextTransition(LocalDate.of(year, spring ? 3 : 10, 1).atStartOfDay(zone).toInstant());
      LocalDate day = transition.getDateTimeAfter().toLocalDate();
      LocalTime at = time.isBefore(transition.getDateTimeAfter().toLocalTime().plusHours(1))
          ? transition.getDateTimeAfter().toLocalTime().plusHours(1) : time;
      return ZonedDateTime.of(LocalDateTime.of(day, at), zone);
    }).filter(z -> Duration.between(z.minusDays(1).toInstant(), z.toInstant()).toHours() != 24);
  }

  @Provide
  Arbitrary<List<CancellationTier>> policies() {
    Arbitrary<CancellationTier> tier = Combinators.combine(
        Arbitraries.longs().between(0, 7 * 24).map(Duration::ofHours),
        Arbitraries.integers().between(0, 100)).as(CancellationTier::new);
    // Sensible policies refund more for more notice: sort percentages by notice.
    return tier.list().ofMinSize(0).ofMaxSize(5).uniqueElements(CancellationTier::noticeBeforeStart).map(list -> {
      List<Duration> notices = list.stream().map(CancellationTier::noticeBeforeStart).sorted().toList();
      List<Integer> percents = list.stream().map(CancellationTier::refundPercent).sorted().toList();
      List<CancellationTier> sorted = new ArrayList<>();
      for (int i = 0; i < notices.size(); i++) {
        sorted.add(new CancellationTier(notices.get(i), percents.get(i)));
      }
      java.util.Collections.shuffle(sorted, new java.util.Random(notices.size()));
      return sorted;
    });
  }
}
