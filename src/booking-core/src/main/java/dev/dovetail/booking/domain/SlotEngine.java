package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the free slots of a booking type. Pure: the same inputs give the same slots whatever the JVM's zone.
 *
 * <p>Open windows are wall-clock times of the resource's zone, resolved per local date ({@link
 * AvailabilityRule#openWindowsOn}), so a DST day simply has a 23- or 25-hour timeline: each window is turned into the
 * real-time ranges during which a wall clock in the zone shows it ({@link WallClockWindow#rangesOn}; usually one, none
 * if the clocks skip it, two if they fall back into it from inside), and candidate starts step through each range in
 * real (UTC) time every {@code slotInterval}, so a slot never straddles a window edge, never shifts by an hour, and
 * never falls in a break or after closing time because the clocks jumped. A candidate is free when its start
 * respects the minimum notice and the horizon, its buffer-widened span overlaps no live block, and the type's per-day
 * and per-week limits (local day and ISO week of the resource's zone) are not reached.
 *
 * <p>Complexity, for B blocks in the schedule, D days in the range, W windows per day and S candidate starts: O(B log
 * B) to index the blocks (an {@link IntervalIndex} plus a sorted array of this type's booking starts), then O(D·W·log
 * W + S·log B) for the search: every overlap test and every limit count is a binary search, never a scan.
 */
public final class SlotEngine {

  private SlotEngine() {}

  /** Free slots of the given duration whose start lies in {@code window}, in start order. */
  public static List<Slot> freeSlots(
      Resource resource, BookingType type, Duration duration, Schedule schedule, Instant now, TimeRange window) {
    if (!type.offers(duration)) {
      throw new InvalidRequestException("duration " + duration + " is not offered by " + type.id());
    }
    Instant from = max(window.start(), now.plus(type.minimumNotice()));
    Instant to = min(window.end(), now.plus(type.horizon()).plusNanos(1));
    if (!resource.bookable() || !from.isBefore(to)) {
      return List.of();
    }
    ZoneId zone = resource.zone();
    IntervalIndex busy = schedule.index(now);
    StartCounter counter = new StartCounter(schedule, type.id(), now);
    Map<Long, Integer> weekCounts = new HashMap<>();
    List<Slot> slots = new ArrayList<>();
    long intervalNanos = type.slotInterval().toNanos();
    // A day before and after: where the clocks fall back across midnight, a neighbouring date's wall times recur.
    LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
    for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
      Instant dayStart = date.atStartOfDay(zone).toInstant();
      Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
      if (type.maxPerDay() > 0 && counter.count(dayStart, dayEnd) >= type.maxPerDay()) {
        continue;
      }
      if (type.maxPerWeek() > 0 && weekCount(date, zone, counter, weekCounts) >= type.maxPerWeek()) {
        continue;
      }
      for (TimeRange open : openRanges(resource.availability(), date, zone)) {
        Instant windowStart = open.start();
        Instant windowEnd = open.end();
        if (!windowEnd.isAfter(from) || !windowStart.isBefore(to)) {
          continue;
        }
        long skip = from.isAfter(windowStart) ? ceilDiv(Duration.between(windowStart, from).toNanos(), intervalNanos) : 0;
        for (Instant start = windowStart.plusNanos(skip * intervalNanos);
            !start.plus(duration).isAfter(windowEnd) && start.isBefore(to);
            start = start.plusNanos(intervalNanos)) {
          TimeRange booked = TimeRange.of(start, duration);
          if (!busy.overlapsAny(type.blockingSpan(booked))) {
            slots.add(new Slot(booked.start(), booked.end()));
          }
        }
      }
    }
    if (!isSorted(slots)) {
      // Only when the clocks fall back across midnight can one date's time come before the previous date's.
      slots.sort(Comparator.comparing(Slot::start));
    }
    return slots;
  }

  /**
   * The first instant after {@code now} at which {@link #freeSlots} for this window may answer differently on the same
   * schedule only because time moved: the earliest candidate start the minimum notice drops, or the earliest one the
   * horizon lets in. Holds that expire are the schedule's part ({@link Schedule#nextExpiry}). {@link Instant#MAX} if
   * the clock cannot change the answer. Candidate starts do not depend on {@code now} (each open range's grid starts
   * at the range's start), so this is exact up to starts the schedule or a limit refuses anyway: never too late.
   */
  public static Instant clockChange(
      Resource resource, BookingType type, Duration duration, Instant now, TimeRange window) {
    if (!resource.bookable()) {
      return Instant.MAX;
    }
    Instant change = Instant.MAX;
    Instant leaving = firstStart(resource, type, duration,
        max(window.start(), now.plus(type.minimumNotice())), window.end());
    if (leaving != null) {
      change = leaving.minus(type.minimumNotice()).plusNanos(1);
    }
    Instant entering = firstStart(resource, type, duration,
        max(window.start(), now.plus(type.horizon()).plusNanos(1)), window.end());
    if (entering != null) {
      change = min(change, entering.minus(type.horizon()));
    }
    return change;
  }

  /** The earliest candidate start at or after {@code bound} and before {@code end}, whatever the schedule; or null. */
  private static Instant firstStart(Resource resource, BookingType type, Duration duration, Instant bound,
      Instant end) {
    if (!bound.isBefore(end)) {
      return null;
    }
    ZoneId zone = resource.zone();
    long intervalNanos = type.slotInterval().toNanos();
    Instant best = null;
    LocalDate last = end.atZone(zone).toLocalDate().plusDays(1);
    for (LocalDate date = bound.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
      if (best != null && date.minusDays(2).atStartOfDay(zone).toInstant().isAfter(best)) {
        break;
      }
      for (TimeRange open : openRanges(resource.availability(), date, zone)) {
        if (!open.end().isAfter(bound)) {
          continue;
        }
        long skip = bound.isAfter(open.start())
            ? ceilDiv(Duration.between(open.start(), bound).toNanos(), intervalNanos) : 0;
        Instant start = open.start().plusNanos(skip * intervalNanos);
        if (!start.plus(duration).isAfter(open.end()) && start.isBefore(end) && (best == null || start.isBefore(best))) {
          best = start;
        }
      }
    }
    return best;
  }

  /** The real-time ranges of a date's open windows, in time order (a fall-back can interleave two windows). */
  private static List<TimeRange> openRanges(AvailabilityRule rule, LocalDate date, ZoneId zone) {
    List<TimeRange> ranges = new ArrayList<>();
    for (WallClockWindow window : rule.openWindowsOn(date)) {
      ranges.addAll(window.rangesOn(date, zone));
    }
    ranges.sort(Comparator.comparing(TimeRange::start));
    return ranges;
  }

  private static boolean isSorted(List<Slot> slots) {
    for (int i = 1; i < slots.size(); i++) {
      if (!slots.get(i - 1).start().isBefore(slots.get(i).start())) {
        return false;
      }
    }
    return true;
  }

  /** Whether a booking of {@code duration} may start exactly at {@code start} under every rule. */
  public static boolean isFree(
      Resource resource, BookingType type, Duration duration, Schedule schedule, Instant now, Instant start) {
    return freeSlots(resource, type, duration, schedule, now, new TimeRange(start, start.plusNanos(1))).stream()
        .anyMatch(slot -> slot.start().equals(start));
  }

  private static int weekCount(LocalDate date, ZoneId zone, StartCounter counter, Map<Long, Integer> cache) {
    LocalDate monday = date.minusDays(date.getDayOfWeek().getValue() - 1L);
    long key = monday.get(IsoFields.WEEK_BASED_YEAR) * 100L + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return cache.computeIfAbsent(key, k -> counter.count(
        monday.atStartOfDay(zone).toInstant(), monday.plus(1, ChronoUnit.WEEKS).atStartOfDay(zone).toInstant()));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Counts this type's live bookings starting in a range with two binary searches over sorted start instants. */
  private static final class StartCounter {
    private final Instant[] starts;

    StartCounter(Schedule schedule, String bookingTypeId, Instant now) {
      starts = schedule.blocks().stream()
          .filter(b -> b.kind() == Block.Kind.BOOKING && bookingTypeId.equals(b.bookingTypeId()))
          .filter(b -> !b.isExpiredAt(now))
          .map(b -> b.booked().start())
          .sorted()
          .toArray(Instant[]::new);
    }

    int count(Instant from, Instant to) {
      return lowerBound(to) - lowerBound(from);
    }

    private int lowerBound(Instant key) {
      int index = Arrays.binarySearch(starts, key);
      if (index < 0) {
        return -index - 1;
      }
      while (index > 0 && starts[index - 1].equals(key)) {
        index--;
      }
      return index;
    }
  }
}
