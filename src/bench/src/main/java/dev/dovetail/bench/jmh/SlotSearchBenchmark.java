package dev.dovetail.bench.jmh;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotEngine;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.kernel.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hot paths of availability and booking on one busy resource: a resource open around the clock in Europe/Berlin
 * whose schedule holds 10,000 bookings and 5,000 busy intervals (some busy intervals overlap each other, as synced
 * calendar events do) spread over the year ahead, i.e. about 27 bookings and 14 busy intervals a day.
 *
 * <ul>
 *   <li>{@code freeSlots30Days}: the free 30-minute slots (every 15 minutes) of the next 30 days, which include the
 *       2026-10-25 DST change; what the public booking page asks for.
 *   <li>{@code isFree}: the rule check for one start instant that booking and rescheduling run under the lock.
 *   <li>{@code placeFreeSlot} / {@code placeTakenSlotIsRefused}: {@link Schedule#place} of one booking's block on a
 *       free slot, and on a taken one (the 409 path); what the store-level guard runs for every booking.
 *   <li>{@code loadSchedule}: building the {@link Schedule} from its blocks (sort and invariant check), as the
 *       repository does on every read.
 * </ul>
 *
 * <p>{@code -p bookings=N} measures a schedule of N bookings and N/2 busy intervals over the same year instead.
 *
 * <p>Run: see docs/benchmarks.md, section "Slot search (JMH)".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SlotSearchBenchmark {

  /** Bookings in the schedule; half as many busy intervals come with them. {@code -p bookings=200} for a small one. */
  @Param({"10000"})
  public int bookings;

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-10-10T06:00:00Z");
  static final Duration SLOT = Duration.ofMinutes(30);

  private Resource resource;
  private BookingType type;
  private Schedule schedule;
  private List<Block> blocks;
  private TimeRange thirtyDays;
  private List<Block> freeBlocks;
  private List<Block> takenBlocks;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      weekly.put(day, List.of(WallClockWindow.of("00:00", "00:00")));
    }
    resource = new Resource("busy-room", "bench", "Busy room", ZONE, true,
        new AvailabilityRule(weekly, List.of(), Map.of(), Set.of()));
    // 20-minute bookings with 5 minutes of buffer on each side: each blocks exactly one 30-minute cell.
    type = new BookingType("consult", "bench", "busy-room", "Consultation",
        List.of(Duration.ofMinutes(20), SLOT), Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(5),
        Duration.ofHours(2), Duration.ofDays(400), 0, 0, Money.zero("EUR"), PaymentRequirement.NONE, List.of(),
        Duration.ofMinutes(15));
    schedule = new Schedule("busy-room", 1, generate(new Random(42)));
    // As the repository stores them: in schedule order.
    blocks = schedule.blocks();
    thirtyDays = new TimeRange(NOW, NOW.plus(Duration.ofDays(30)));

    List<Slot> free = SlotEngine.freeSlots(resource, type, SLOT, schedule, NOW, thirtyDays);
    if (free.isEmpty()) {
      throw new IllegalStateException("the generated schedule left no free slot");
    }
    freeBlocks = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      Slot slot = free.get(i * free.size() / 64);
      freeBlocks.add(bookingBlock("free-" + i, slot.start(), SLOT));
    }
    takenBlocks = new ArrayList<>();
    for (Block b : blocks) {
      if (b.kind() == Block.Kind.BOOKING && b.booked().start().isBefore(thirtyDays.end()) && takenBlocks.size() < 64) {
        takenBlocks.add(bookingBlock("taken-" + takenBlocks.size(), b.booked().start(), SLOT));
      }
    }
    if (takenBlocks.isEmpty()) {
      throw new IllegalStateException("the generated schedule has no booking in the 30 days");
    }
  }

  /**
   * The year ahead as 17,520 half-hour cells: {@code bookings} random cells get a booking (its buffered span fills the
   * cell); half as many busy intervals of 10 to 90 minutes go into the other cells, a third of them starting inside
   * the previous one, clipped so that they never reach into a booked cell.
   */
  private List<Block> generate(Random random) {
    int cells = 365 * 48;
    boolean[] booked = new boolean[cells];
    int busyIntervals = bookings / 2;
    List<Block> result = new ArrayList<>(bookings + busyIntervals);
    Instant origin = NOW.minus(Duration.ofHours(6));
    int placed = 0;
    while (placed < bookings) {
      int cell = random.nextInt(cells);
      if (!booked[cell]) {
        booked[cell] = true;
        Instant start = origin.plus(Duration.ofMinutes(30L * cell + 5));
        result.add(bookingBlock("b" + placed, start, Duration.ofMinutes(20)));
        placed++;
      }
    }
    List<Integer> freeCells = new ArrayList<>();
    for (int cell = 0; cell < cells; cell++) {
      if (!booked[cell]) {
        freeCells.add(cell);
      }
    }
    Block previous = null;
    for (int i = 0; i < busyIntervals; i++) {
      Instant start;
      if (previous != null && random.nextInt(3) == 0) {
        start = previous.span().start().plus(Duration.ofMinutes(5));
      } else {
        int cell = freeCells.get(random.nextInt(freeCells.size()));
        start = origin.plus(Duration.ofMinutes(30L * cell));
      }
      Instant end = start.plus(Duration.ofMinutes(10 + random.nextInt(9) * 10));
      // Busy time must not reach into a booked cell: clip it at the next booked cell.
      int firstCell = (int) (Duration.between(origin, start).toMinutes() / 30);
      int cell = firstCell;
      while (cell < cells && !booked[cell] && origin.plus(Duration.ofMinutes(30L * cell)).isBefore(end)) {
        cell++;
      }
      Instant limit = origin.plus(Duration.ofMinutes(30L * cell));
      if (end.isAfter(limit)) {
        end = limit;
      }
      if (!start.isBefore(end)) {
        i--;
        previous = null;
        continue;
      }
      TimeRange time = new TimeRange(start, end);
      previous = new Block("busy" + i, Block.Kind.BUSY, null, time, time, null, NOW);
      result.add(previous);
    }
    return result;
  }

  private Block bookingBlock(String id, Instant start, Duration length) {
    TimeRange time = TimeRange.of(start, length);
    return new Block(id, Block.Kind.BOOKING, type.id(), time, type.blockingSpan(time), null, NOW);
  }

  @Benchmark
  public List<Slot> freeSlots30Days() {
    return SlotEngine.freeSlots(resource, type, SLOT, schedule, NOW, thirtyDays);
  }

  @Benchmark
  public boolean isFree() {
    Block block = freeBlocks.get(next++ & 63);
    return SlotEngine.isFree(resource, type, SLOT, schedule, NOW, block.booked().start());
  }

  @Benchmark
  public Schedule placeFreeSlot() {
    return schedule.place(List.of(freeBlocks.get(next++ & 63)), NOW);
  }

  @Benchmark
  public Object placeTakenSlotIsRefused() {
    try {
      return schedule.place(List.of(takenBlocks.get(next++ % takenBlocks.size())), NOW);
    } catch (SlotUnavailableException expected) {
      return expected;
    }
  }

  @Benchmark
  public Schedule loadSchedule() {
    return new Schedule("busy-room", 2, blocks);
  }
}
