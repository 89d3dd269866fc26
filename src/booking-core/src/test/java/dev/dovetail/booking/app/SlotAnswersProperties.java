package dev.dovetail.booking.app;

import static dev.dovetail.booking.app.BookingUseCaseFixture.BERLIN;
import static dev.dovetail.booking.app.BookingUseCaseFixture.MONDAY_MORNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.FreeTime;
import dev.dovetail.booking.port.in.SlotQuery;
import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The node's slot answers (ADR 63) against a fresh computation: over random sequences of bookings, holds,
 * cancellations, external busy time, rule and type changes and clock moves (forward across notice, horizon and hold
 * expiry, and back), the service that keeps answers must answer every query exactly as a service that keeps none.
 */
@Label("Slot answer cache")
class SlotAnswersProperties {

  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  private static final List<SlotQuery> QUERIES = List.of(
      new SlotQuery("consult", MONDAY, MONDAY.plusDays(7), BERLIN, null),
      new SlotQuery("consult", MONDAY.minusDays(7), MONDAY.plusDays(28), BERLIN, null),
      new SlotQuery("consult", MONDAY.plusDays(1), MONDAY.plusDays(2), ZoneId.of("America/New_York"),
          Duration.ofMinutes(60)),
      new SlotQuery("consult", MONDAY.plusDays(12), MONDAY.plusDays(16), ZoneId.of("Asia/Tokyo"), null));
  private static final List<AvailabilityRule> RULES = List.of(
      AvailabilityRule.weekdays(WallClockWindow.of("09:00", "17:00"), List.of(WallClockWindow.of("12:00", "13:00"))),
      AvailabilityRule.weekdays(WallClockWindow.of("08:00", "12:00"), List.of()),
      AvailabilityRule.weekdays(WallClockWindow.of("10:00", "18:30"), List.of(WallClockWindow.of("14:00", "14:30"))));

  @Property(tries = 200)
  @Label("the kept answer always equals a fresh computation")
  void keptAnswerEqualsFreshComputation(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 9_999) Integer> steps) {
    BookingUseCaseFixture f = new BookingUseCaseFixture(type(Duration.ofHours(2), Duration.ofDays(10), 3));
    List<String> booked = new ArrayList<>();
    for (int step : steps) {
      apply(f, step % 7, step / 7, booked);
      for (SlotQuery query : QUERIES) {
        FreeTime fresh = new AvailabilityService(f.catalog, f.schedules, f.clock).freeTime(query).await();
        assertThat(f.availability.freeTime(query).await()).as("%s at %s after %s", query, f.clock.instant(), steps)
            .isEqualTo(fresh);
      }
    }
  }

  @Example
  @Label("a repeated query is served from the cache; a booking or the notice passing a slot computes it again")
  void repeatedQueryIsKeptUntilSomethingChanges() {
    BookingUseCaseFixture f = new BookingUseCaseFixture(type(Duration.ofHours(2), Duration.ofDays(10), 0));
    SlotQuery week = QUERIES.get(0);
    FreeTime first = f.availability.freeTime(week).await();
    assertThat(f.availability.freeTime(week).await()).isSameAs(first);
    assertThat(f.availability.cacheHits()).isEqualTo(1);

    Slot taken = first.slots().get(3);
    f.bookSlot.book(BookingUseCaseFixture.command("consult", taken.start(), false, 1)).await();
    FreeTime afterBooking = f.availability.freeTime(week).await();
    assertThat(afterBooking).isNotSameAs(first);
    assertThat(afterBooking.slots()).doesNotContain(taken);

    // 08:00 Berlin plus two hours' notice: the 10:00 slot is offered until 08:00, gone a nanosecond later.
    Slot tenOClock = new Slot(BookingUseCaseFixture.berlin(0, 10, 0), BookingUseCaseFixture.berlin(0, 10, 30));
    assertThat(f.availability.freeTime(week).await().slots()).contains(tenOClock);
    f.clock.advance(Duration.ofNanos(1));
    assertThat(f.availability.freeTime(week).await().slots()).doesNotContain(tenOClock);
    assertThat(f.availability.cacheMisses()).isEqualTo(3);
  }

  private static void apply(BookingUseCaseFixture f, int kind, int param, List<String> booked) {
    switch (kind) {
      case 0, 1 -> book(f, param, kind == 1, booked);
      case 2 -> {
        if (!booked.isEmpty()) {
          ignoreRefusal(() -> f.manage.cancel("acme", booked.remove(param % booked.size())).await());
        }
      }
      case 3 -> {
        Resource room = f.resources.findById("room").await().orElseThrow();
        f.resources.update(new Resource(room.id(), room.providerId(), room.name(), room.zone(), room.bookable(),
            RULES.get(param % RULES.size()))).await();
      }
      case 4 -> f.types.update(type(Duration.ofMinutes(15L * (param % 12)), Duration.ofDays(3 + param % 20),
          param % 4)).await();
      case 5 -> f.clock.advance(param % 3 == 0 ? Duration.ofSeconds(param % 1200) : Duration.ofMinutes(param % 4000));
      default -> {
        if (param % 3 == 0) {
          f.clock.advance(Duration.ofMinutes(-(param % 90)));
        } else {
          ignoreRefusal(() -> busy(f, param));
        }
      }
    }
  }

  private static void book(BookingUseCaseFixture f, int param, boolean hold, List<String> booked) {
    List<Slot> free = new AvailabilityService(f.catalog, f.schedules, f.clock).freeTime(QUERIES.get(1)).await().slots();
    if (free.isEmpty()) {
      return;
    }
    Instant start = free.get(param % free.size()).start();
    ignoreRefusal(() -> {
      BookingReceipt receipt = f.bookSlot.book(BookingUseCaseFixture.command("consult", start, hold, 1)).await();
      booked.add(receipt.bookings().get(0).booking().id());
    });
  }

  private static void busy(BookingUseCaseFixture f, int param) {
    Instant start = MONDAY_MORNING.plus(Duration.ofMinutes(15L * (param % 1500)));
    TimeRange time = TimeRange.of(start, Duration.ofMinutes(15L * (1 + param % 8)));
    f.schedules.update("room", s -> s.place(List.of(
        new Block("busy-" + param + "-" + s.blocks().size(), Block.Kind.BUSY, null, time, time, null, f.clock.instant())), f.clock.instant()))
        .await();
  }

  /** A step the use case refuses (a slot taken by the limit, a cancelled booking) changes nothing; that is fine. */
  private static void ignoreRefusal(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException refused) {
      // refused by the use case: the property still compares the answers after it
    }
  }

  private static BookingType type(Duration notice, Duration horizon, int maxPerDay) {
    return new BookingType("consult", "acme", "room", "Consultation",
        List.of(Duration.ofMinutes(30), Duration.ofMinutes(60)), Duration.ofMinutes(15), Duration.ofMinutes(5),
        Duration.ZERO, notice, horizon, maxPerDay, 0, Money.zero("EUR"), PaymentRequirement.NONE, List.of(),
        Duration.ofMinutes(10));
  }
}
