package dev.dovetail.booking.domain;

import static dev.dovetail.booking.domain.Fixtures.isoWeek;
import static dev.dovetail.booking.domain.Fixtures.live;
import static dev.dovetail.booking.domain.Fixtures.localDate;
import static dev.dovetail.booking.domain.Fixtures.overlap;
import static dev.dovetail.booking.domain.Fixtures.wallContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dovetail.booking.domain.Scenarios.Scenario;
import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link SlotEngine#freeSlots} on random schedules around the 2026 DST changes of New York, Berlin and
 * Lord Howe (a 30-minute shift) and in Kolkata (a half-hour offset). Run by surefire under a UTC and a
 * Pacific/Kiritimati default zone; nothing here depends on the default zone either.
 */
@Label("The slot engine")
class SlotEngineProperties {

  private static final int TRIES = 150;

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenarios.scenarios(Fixtures.RESOURCE_ZONES, 4, 24);
  }

  @Provide
  Arbitrary<Scenario> longScenarios() {
    return Scenarios.scenarios(Fixtures.RESOURCE_ZONES, 9, 40);
  }

  @Property(tries = TRIES)
  @Label("finds exactly the free slots that a brute-force minute-by-minute scan finds")
  void freeSlotsEqualTheBruteForceReference(@ForAll("longScenarios") Scenario scenario) {
    assertThat(scenario.engine()).as(scenario.toString()).containsExactlyElementsOf(scenario.reference());
  }

  @Property(tries = TRIES)
  @Label("puts every slot inside one open window of its local date, as a wall clock in the resource's zone shows it")
  void everySlotLiesInsideAnOpenWindowOfItsLocalDate(@ForAll("scenarios") Scenario scenario) {
    ZoneId zone = scenario.zone();
    for (Slot slot : scenario.engine()) {
      LocalDate date = localDate(slot.start(), zone);
      List<WallClockWindow> open = scenario.rule().openWindowsOn(date);
      WallClockWindow window = open.stream()
          .filter(w -> wallContains(w, minuteOfDay(slot.start(), zone)))
          .findFirst()
          .orElseThrow(() -> new AssertionError(slot + " starts outside the open windows " + open + " of " + date));
      // Every minute of the slot shows a wall time of the same window on the same date.
      for (Instant t = slot.start(); t.isBefore(slot.end()); t = t.plus(Duration.ofMinutes(1))) {
        assertThat(localDate(t, zone)).as("local date at %s of %s", t, slot).isEqualTo(date);
        assertThat(wallContains(window, minuteOfDay(t, zone)))
            .as("%s shows %s, outside %s", t, LocalDateTime.ofInstant(t, zone), window).isTrue();
      }
    }
  }

  @Property(tries = TRIES)
  @Label("never offers a slot whose buffer-widened span overlaps a live block")
  void slotsNeverOverlapALiveBlockOnceWidenedByTheBuffers(@ForAll("scenarios") Scenario scenario) {
    BookingType type = scenario.type();
    for (Slot slot : scenario.engine()) {
      TimeRange widened = new TimeRange(slot.start().minus(type.bufferBefore()), slot.end().plus(type.bufferAfter()));
      for (Block block : scenario.blocks()) {
        if (live(block, scenario.now())) {
          assertThat(overlap(widened, block.span())).as("%s widened to %s vs %s", slot, widened, block).isFalse();
        }
      }
    }
  }

  @Property(tries = TRIES)
  @Label("makes every slot exactly the requested duration long in real time, in strictly increasing start order")
  void slotLengthIsTheRequestedDurationInRealTime(@ForAll("scenarios") Scenario scenario) {
    List<Slot> slots = scenario.engine();
    for (int i = 0; i < slots.size(); i++) {
      assertThat(Duration.between(slots.get(i).start(), slots.get(i).end())).isEqualTo(scenario.duration());
      if (i > 0) {
        assertThat(slots.get(i).start()).isAfter(slots.get(i - 1).start());
      }
    }
  }

  @Property(tries = TRIES)
  @Label("starts every slot inside the query window, no sooner than the minimum notice and no later than the horizon")
  void minimumNoticeHorizonAndQueryWindowAreRespected(@ForAll("scenarios") Scenario scenario) {
    Instant now = scenario.now();
    for (Slot slot : scenario.engine()) {
      assertThat(scenario.window().contains(slot.start())).as("%s in %s", slot, scenario.window()).isTrue();
      assertThat(slot.start()).isAfterOrEqualTo(now.plus(scenario.type().minimumNotice()));
      assertThat(slot.start()).isBeforeOrEqualTo(now.plus(scenario.type().horizon()));
    }
  }

  @Property(tries = TRIES)
  @Label("offers no slot on a local day or ISO week whose booking limit this type has already reached")
  void maxPerDayAndMaxPerWeekAreRespected(@ForAll("scenarios") Scenario scenario) {
    BookingType type = scenario.type();
    ZoneId zone = scenario.zone();
    List<LocalDate> ownBookingDates = scenario.blocks().stream()
        .filter(b -> live(b, scenario.now()) && type.id().equals(b.bookingTypeId()))
        .map(b -> localDate(b.booked().start(), zone))
        .toList();
    for (Slot slot : scenario.engine()) {
      LocalDate date = localDate(slot.start(), zone);
      if (type.maxPerDay() > 0) {
        assertThat(ownBookingDates.stream().filter(date::equals).count()).isLessThan(type.maxPerDay());
      }
      if (type.maxPerWeek() > 0) {
        assertThat(ownBookingDates.stream().filter(d -> isoWeek(d) == isoWeek(date)).count())
            .isLessThan(type.maxPerWeek());
      }
    }
  }

  @Property(tries = 60)
  @Label("gives identical results for the same inputs, whatever the JVM's default time zone")
  void resultsAreIdenticalForTheSameInputsWhateverTheDefaultZone(
      @ForAll("scenarios") Scenario scenario, @ForAll("defaultZones") String defaultZone) {
    List<Slot> first = scenario.engine();
    assertThat(scenario.engine()).isEqualTo(first);
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(defaultZone));
      assertThat(scenario.engine()).isEqualTo(first);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Provide
  Arbitrary<String> defaultZones() {
    return net.jqwik.api.Arbitraries.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe",
        "America/St_Johns", "Asia/Kathmandu", "Europe/Dublin");
  }

  @Property(tries = TRIES)
  @Label("offers only slots that the schedule accepts as a booking, and that isFree confirms one by one")
  void everyOfferedSlotIsAcceptedBySchedulePlace(@ForAll("scenarios") Scenario scenario) {
    Schedule schedule = scenario.schedule();
    for (Slot slot : scenario.engine()) {
      Block block = Fixtures.booking("new-booking", scenario.type(), slot.start(), scenario.duration(), scenario.now());
      assertThatCode(() -> schedule.place(List.of(block), scenario.now())).as("placing %s", slot)
          .doesNotThrowAnyException();
      assertThat(SlotEngine.isFree(scenario.resource(), scenario.type(), scenario.duration(), schedule,
          scenario.now(), slot.start())).as("isFree(%s)", slot.start()).isTrue();
    }
  }

  private static int minuteOfDay(Instant instant, ZoneId zone) {
    LocalDateTime wall = LocalDateTime.ofInstant(instant, zone);
    return wall.getHour() * 60 + wall.getMinute();
  }
}
