package dev.dovetail.insights.domain;

import static dev.dovetail.insights.domain.InsightsFixtures.BERLIN;
import static dev.dovetail.insights.domain.InsightsFixtures.allWeek;
import static dev.dovetail.insights.domain.InsightsFixtures.booking;
import static dev.dovetail.insights.domain.InsightsFixtures.payment;
import static dev.dovetail.insights.domain.InsightsFixtures.recovered;
import static dev.dovetail.insights.domain.InsightsFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.payment.domain.Payment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Worked examples of every measure (ADR 48), DST days of Europe/Berlin included. */
class InsightsExamplesTest {

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static Insights compute(InsightsRange range, List<Resource> resources, List<Booking> bookings,
      List<Payment> payments) {
    return Insights.compute(range, resources, true, bookings,
        payments.stream().collect(Collectors.toMap(Payment::bookingId, Function.identity())), List.of());
  }

  @Test
  @DisplayName("the spring DST day in Berlin is 23 open hours long; a booking over the skipped hour counts its 2 real"
      + " hours; bookings fall on the provider's local day")
  void springForwardDay() {
    InsightsRange range = new InsightsRange(LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 29), BERLIN);
    Resource room = resource("room", BERLIN, allWeek());
    Instant created = at("2027-03-01T10:00:00+01:00");
    List<Booking> bookings = List.of(
        // 01:00 CET to 04:00 CEST: two hours of real time.
        booking("over-the-gap", "room", at("2027-03-28T01:00:00+01:00"), 120, BookingStatus.CONFIRMED, created),
        // 23:30 UTC on the 27th is 00:30 on the 28th in Berlin.
        booking("just-after-midnight", "room", Instant.parse("2027-03-27T23:30:00Z"), 30, BookingStatus.CANCELLED,
            created),
        // The day before, in Berlin: outside the range.
        booking("day-before", "room", at("2027-03-27T23:30:00+01:00"), 30, BookingStatus.CONFIRMED, created));

    Insights insights = compute(range, List.of(room), bookings, List.of());

    assertThat(range.window().length()).isEqualTo(Duration.ofHours(23));
    assertThat(insights.utilisation()).containsExactly(new ResourceUse("room", "Room room", 2 * 3600, 23 * 3600));
    assertThat(insights.days()).containsExactly(new DayCount(LocalDate.of(2027, 3, 28), 1, 1));
    assertThat(insights.outcomes()).isEqualTo(new Outcomes(2, 1, 1, 0, 0, 0));
  }

  @Test
  @DisplayName("the autumn DST day in Berlin is 25 open hours long")
  void fallBackDay() {
    InsightsRange range = new InsightsRange(LocalDate.of(2027, 10, 30), LocalDate.of(2027, 11, 1), BERLIN);
    Resource room = resource("room", BERLIN, allWeek());
    Booking repeatedHour = booking("repeated-hour", "room", at("2027-10-31T02:00:00+02:00"), 120,
        BookingStatus.CONFIRMED, at("2027-10-01T09:00:00+02:00"));

    Insights insights = compute(range, List.of(room), List.of(repeatedHour), List.of());

    assertThat(insights.utilisation().get(0).openSeconds()).isEqualTo((24 + 25) * 3600L);
    assertThat(insights.utilisation().get(0).bookedSeconds()).isEqualTo(2 * 3600L);
    assertThat(insights.days()).extracting(DayCount::confirmed).containsExactly(0, 1);
  }

  @Test
  @DisplayName("utilisation keeps to opening hours: breaks and holidays are not open, booked time outside hours is"
      + " not counted, an ALL booking counts on each of its resources")
  void utilisationRespectsHours() {
    AvailabilityRule rule = new AvailabilityRule(AvailabilityRule.weekdays(WallClockWindow.of("09:00", "17:00"),
        List.of(WallClockWindow.of("12:00", "13:00"))).weeklyHours(), List.of(WallClockWindow.of("12:00", "13:00")),
        Map.of(), Set.of(LocalDate.of(2027, 1, 13)));
    Resource room = resource("room", BERLIN, rule);
    Resource projector = resource("projector", BERLIN, rule);
    // Monday 11 to Friday 15 January 2027, Wednesday a holiday: 4 days of 7 hours.
    InsightsRange range = new InsightsRange(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 16), BERLIN);
    Instant created = at("2027-01-01T10:00:00+01:00");
    Booking overLunch = booking("over-lunch", "room", at("2027-01-11T11:00:00+01:00"), 180, BookingStatus.CONFIRMED,
        created).placedOn(List.of("room", "projector"));
    Booking onHoliday = booking("on-holiday", "room", at("2027-01-13T10:00:00+01:00"), 60, BookingStatus.CONFIRMED,
        created);
    Booking cancelled = booking("cancelled", "room", at("2027-01-12T10:00:00+01:00"), 60, BookingStatus.CANCELLED,
        created);

    Insights insights = compute(range, List.of(room, projector), List.of(overLunch, onHoliday, cancelled), List.of());

    // 11:00-14:00 minus lunch: 2 hours on each resource.
    assertThat(insights.utilisation()).containsExactly(
        new ResourceUse("room", "Room room", 2 * 3600, 28 * 3600),
        new ResourceUse("projector", "Room projector", 2 * 3600, 28 * 3600));
  }

  @Test
  @DisplayName("money in minor units per currency: taken, refunded, kept of cancelled and no-show bookings; an"
      + " unpaid payment adds nothing")
  void moneyPerCurrency() {
    InsightsRange range = new InsightsRange(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 12), BERLIN);
    Instant start = at("2027-01-11T10:00:00+01:00");
    Instant created = at("2027-01-01T10:00:00+01:00");
    Booking paid = booking("paid", "room", start, 30, BookingStatus.CONFIRMED, created);
    Booking cancelledHalf = booking("cancelled-half", "room", start.plusSeconds(3600), 30, BookingStatus.CANCELLED,
        created);
    Booking noShow = booking("no-show", "room", start.plusSeconds(7200), 30, BookingStatus.CONFIRMED, created);
    Booking dollars = booking("dollars", "room", start.plusSeconds(10800), 30, BookingStatus.CONFIRMED, created);
    Booking unpaid = booking("unpaid", "room", start.plusSeconds(14400), 30, BookingStatus.EXPIRED, created);
    Money fortyFive = new Money(4_500, "EUR");
    List<Payment> payments = List.of(
        payment(paid, fortyFive, 4_500, 0, false),
        payment(cancelledHalf, fortyFive, 4_500, 2_250, false),
        payment(noShow, fortyFive, 4_500, 0, true),
        payment(dollars, new Money(1_999, "USD"), 1_999, 999, false),
        payment(unpaid, fortyFive, 0, 0, false));

    Insights insights = compute(range, List.of(), List.of(paid, cancelledHalf, noShow, dollars, unpaid), payments);

    assertThat(insights.money()).containsExactly(
        new MoneyTotals("EUR", 4, 13_500, 2_250, 2_250 + 4_500),
        new MoneyTotals("USD", 1, 1_999, 999, 0));
    assertThat(insights.money().get(0).net()).isEqualTo(11_250);
    assertThat(insights.outcomes()).isEqualTo(new Outcomes(5, 3, 1, 1, 0, 1));
  }

  @Test
  @DisplayName("lead time: the lower median and the buckets of confirmed bookings; booked after the start counts 0")
  void leadTimes() {
    InsightsRange range = new InsightsRange(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 12), BERLIN);
    Instant start = at("2027-01-11T10:00:00+01:00");
    List<Booking> bookings = List.of(
        booking("late", "room", start, 30, BookingStatus.CONFIRMED, start.plusSeconds(600)),
        booking("half-hour", "room", start, 30, BookingStatus.CONFIRMED, start.minus(Duration.ofMinutes(30))),
        booking("two-days", "room", start, 30, BookingStatus.CONFIRMED, start.minus(Duration.ofDays(2))),
        booking("forty-days", "room", start, 30, BookingStatus.CONFIRMED, start.minus(Duration.ofDays(40))),
        booking("cancelled", "room", start, 30, BookingStatus.CANCELLED, start.minus(Duration.ofDays(9))));

    LeadTimes lead = compute(range, List.of(), bookings, List.of()).leadTime();

    assertThat(lead.count()).isEqualTo(4);
    assertThat(lead.medianMinutes()).isEqualTo(30);
    assertThat(lead.buckets()).extracting(LeadTimes.Bucket::count).containsExactly(2, 0, 1, 0, 1);
  }

  @Test
  @DisplayName("waitlist recovered value: claimed offers that became confirmed bookings of the range, per currency")
  void waitlistRecovered() {
    InsightsRange range = new InsightsRange(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 12), BERLIN);
    Instant start = at("2027-01-11T10:00:00+01:00");
    Instant created = at("2027-01-10T10:00:00+01:00");
    Booking kept = booking("kept", "room", start, 30, BookingStatus.CONFIRMED, created);
    Booking alsoKept = booking("also-kept", "room", start.plusSeconds(3600), 30, BookingStatus.CONFIRMED, created);
    Booking lost = booking("lost", "room", start.plusSeconds(7200), 30, BookingStatus.CANCELLED, created);

    Insights insights = Insights.compute(range, List.of(), true, List.of(kept, alsoKept, lost), Map.of(), List.of(
        recovered("w1", kept, new Money(4_500, "EUR")), recovered("w2", alsoKept, new Money(500, "EUR")),
        recovered("w3", lost, new Money(4_500, "EUR"))));

    assertThat(insights.waitlist()).isEqualTo(new Recovered(2, List.of(new Money(5_000, "EUR"))));
  }

  @Test
  @DisplayName("a range is 1 to 366 days: an empty, inverted or longer one is refused with a reason")
  void rangeBounds() {
    LocalDate day = LocalDate.of(2027, 1, 1);
    assertThat(new InsightsRange(day, day.plusDays(366), BERLIN).days()).hasSize(366);
    assertThatThrownBy(() -> new InsightsRange(day, day.plusDays(367), BERLIN))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("366 days");
    assertThatThrownBy(() -> new InsightsRange(day, day, BERLIN))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("before");
    assertThat(InsightsRange.around(day, BERLIN)).isEqualTo(new InsightsRange(day.minusDays(30), day.plusDays(30),
        BERLIN));
  }
}
