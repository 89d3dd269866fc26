package dev.dovetail.insights.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.insights.domain.Insights;
import dev.dovetail.insights.domain.InsightsRange;
import dev.dovetail.insights.domain.MoneyTotals;
import dev.dovetail.insights.port.in.ProviderInsights;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryPaymentRepository;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.InMemoryWaitlistRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The insights use case over the in-memory reference adapters: the caller's data only, bounded, batched. */
class InsightsServiceTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Monday 2026-11-23, 08:00 in Berlin. */
  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  private final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  private final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
  private final InMemoryWaitlistRepository waitlist = new InMemoryWaitlistRepository();
  private final CatalogService catalog = new CatalogService(providers, resources, new InMemoryCatalog.BookingTypes(),
      bookings, new InMemoryScheduleRepository(), new InMemoryCalendarObjectRepository(), clock);
  private final InsightsService insights = new InsightsService(catalog, bookings, payments, waitlist, clock);

  InsightsServiceTest() {
    for (String provider : List.of("acme", "other")) {
      providers.insert(new Provider(provider, provider, provider + "@example.com", BERLIN, NOW)).await();
      resources.insert(TestBookings.officeHours(provider + "-room", provider, BERLIN)).await();
    }
  }

  private Booking booking(String id, String provider, Instant start, BookingStatus status) {
    return new Booking(id, provider, provider + "-room", "type", TimeRange.of(start, Duration.ofMinutes(60)), BERLIN,
        "Ada", "ada@example.com", status, null, null, 0, start.minus(Duration.ofDays(3)),
        start.minus(Duration.ofDays(3)));
  }

  private Payment paid(Booking b, long minor) {
    Payment p = Payment.awaiting(b.id(), b.providerId(), new Money(minor, "EUR"), false, NOW).paid(minor, NOW);
    payments.insert(p).await();
    return p;
  }

  @Test
  @DisplayName("by default the last and the next 30 days of the provider's today; only the caller's bookings,"
      + " payments and waitlist entries count")
  void defaultRangeAndOwnDataOnly() {
    Instant tomorrowTen = Instant.parse("2026-11-24T09:00:00Z");
    Booking mine = booking("mine", "acme", tomorrowTen, BookingStatus.CONFIRMED);
    Booking cancelled = booking("mine-cancelled", "acme", tomorrowTen.plus(Duration.ofDays(1)),
        BookingStatus.CANCELLED);
    Booking theirs = booking("theirs", "other", tomorrowTen, BookingStatus.CONFIRMED);
    Booking tooLate = booking("too-late", "acme", Instant.parse("2026-12-23T09:00:00Z"), BookingStatus.CONFIRMED);
    bookings.insertAll(List.of(mine, cancelled, theirs, tooLate)).await();
    paid(mine, 4_500);
    paid(theirs, 9_900);
    WaitlistEntry e = WaitlistEntry.join("entry-1", "acme", "acme-room", "type", "Grace", "grace@example.com",
        BERLIN, Wish.slot(mine.time().start()), NOW);
    waitlist.insert(e).await();
    WaitlistEntry offered = e.offered(new SlotOffer(mine.id(), mine.time(), NOW.plusSeconds(600), false), NOW);
    waitlist.update(offered).await();
    waitlist.update(offered.booked(mine.id(), new Money(4_500, "EUR"), NOW)).await();

    Insights result = insights.insights("acme", null, null).await();

    assertThat(result.range()).isEqualTo(new InsightsRange(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 12, 23),
        BERLIN));
    assertThat(result.outcomes().total()).isEqualTo(2);
    assertThat(result.outcomes().cancelled()).isEqualTo(1);
    assertThat(result.money()).containsExactly(new MoneyTotals("EUR", 1, 4_500, 0, 0));
    assertThat(result.waitlist().value()).containsExactly(new Money(4_500, "EUR"));
    assertThat(result.utilisation()).extracting(u -> u.resourceId()).containsExactly("acme-room");
    assertThat(result.utilisation().get(0).bookedSeconds()).isEqualTo(3600);
    assertThat(result.leadTime().medianMinutes()).isEqualTo(3 * 24 * 60);
  }

  @Test
  @DisplayName("export: the range's bookings by start, each with its payment; from without to is refused")
  void exportAndHalfARange() {
    Instant start = Instant.parse("2026-11-24T09:00:00Z");
    Booking second = booking("second", "acme", start.plus(Duration.ofHours(2)), BookingStatus.CONFIRMED);
    Booking first = booking("first", "acme", start, BookingStatus.CANCELLED);
    bookings.insertAll(List.of(second, first, booking("theirs", "other", start, BookingStatus.CONFIRMED))).await();
    Payment payment = paid(second, 1_000);

    ProviderInsights.BookingExport export =
        insights.export("acme", LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25)).await();

    assertThat(export.rows()).extracting(r -> r.booking().id()).containsExactly("first", "second");
    assertThat(export.rows().get(1).payment()).isEqualTo(payment);
    assertThat(export.rows().get(0).payment()).isNull();
    assertThatThrownBy(() -> insights.insights("acme", LocalDate.of(2026, 11, 24), null).await())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("both");
  }

  @Test
  @DisplayName("more than 10,000 bookings in the range are refused with a reason, not cut short")
  void boundedBookings() {
    List<Booking> many = new ArrayList<>();
    Instant start = Instant.parse("2026-11-24T09:00:00Z");
    for (int i = 0; i <= ProviderInsights.MAX_BOOKINGS; i++) {
      many.add(booking("b-" + i, "acme", start.plusSeconds(i), BookingStatus.CONFIRMED));
    }
    bookings.insertAll(many).await();

    assertThatThrownBy(() -> insights.export("acme", LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25)).await())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("more than 10000 bookings");
  }
}
