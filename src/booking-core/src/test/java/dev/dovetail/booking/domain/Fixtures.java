package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders and brute-force helpers shared by the domain properties. Nothing here calls the code under test's logic. */
final class Fixtures {

  static final String PROVIDER = "acme";
  static final String RESOURCE = "room-1";
  static final String TYPE = "consult";
  static final String OTHER_TYPE = "other";

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  static final ZoneId UTC = ZoneId.of("UTC");
  static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

  /** The four zones of the brief: two classic DST zones, a 30-minute DST shift, and a half-hour offset without DST. */
  static final List<ZoneId> RESOURCE_ZONES = List.of(NEW_YORK, BERLIN, LORD_HOWE, KOLKATA);

  /** Viewer zones: the resource zones plus extremes of the offset range and a -03:30 zone. */
  static final List<ZoneId> VIEWER_ZONES =
      List.of(NEW_YORK, BERLIN, LORD_HOWE, KOLKATA, UTC, KIRITIMATI, ZoneId.of("America/St_Johns"));

  /** The 2026 DST change dates of the three DST zones (a spring-forward and a fall-back date each). */
  static final List<LocalDate> DST_DATES = List.of(
      LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1), // New York
      LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), // Berlin
      LocalDate.of(2026, 4, 5), LocalDate.of(2026, 10, 4)); // Lord Howe

  private Fixtures() {}

  static Resource resource(ZoneId zone, AvailabilityRule rule) {
    return new Resource(RESOURCE, PROVIDER, "Room one", zone, true, rule);
  }

  /** Open every day of the week in the same windows, without breaks, overrides or holidays. */
  static AvailabilityRule everyDay(WallClockWindow... windows) {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      weekly.put(day, List.of(windows));
    }
    return new AvailabilityRule(weekly, List.of(), Map.of(), Set.of());
  }

  static AvailabilityRule everyDayWithBreaks(List<WallClockWindow> hours, List<WallClockWindow> breaks) {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      weekly.put(day, hours);
    }
    return new AvailabilityRule(weekly, breaks, Map.of(), Set.of());
  }

  static BookingType type(String id, List<Duration> durations, Duration interval, Duration bufferBefore,
      Duration bufferAfter, Duration notice, Duration horizon, int maxPerDay, int maxPerWeek) {
    return new BookingType(id, PROVIDER, RESOURCE, "Type " + id, durations, interval, bufferBefore, bufferAfter,
        notice, horizon, maxPerDay, maxPerWeek, Money.zero("EUR"), PaymentRequirement.NONE, List.of(),
        Duration.ofMinutes(15));
  }

  /** Slots of {@code minutes} every {@code minutes}, no buffers, notice or limits, a two-year horizon. */
  static BookingType plainType(int minutes) {
    return type(TYPE, List.of(Duration.ofMinutes(minutes)), Duration.ofMinutes(minutes), Duration.ZERO,
        Duration.ZERO, Duration.ZERO, Duration.ofDays(730), 0, 0);
  }

  static Block booking(String owner, BookingType type, Instant start, Duration length, Instant placedAt) {
    TimeRange booked = TimeRange.of(start, length);
    return new Block(owner, Block.Kind.BOOKING, type.id(), booked, type.blockingSpan(booked), null, placedAt);
  }

  static Block hold(String owner, BookingType type, Instant start, Duration length, Instant expiresAt,
      Instant placedAt) {
    TimeRange booked = TimeRange.of(start, length);
    return new Block(owner, Block.Kind.BOOKING, type.id(), booked, type.blockingSpan(booked), expiresAt, placedAt);
  }

  static Block busy(String owner, Instant start, Instant end, Instant placedAt) {
    TimeRange time = new TimeRange(start, end);
    return new Block(owner, Block.Kind.BUSY, null, time, time, null, placedAt);
  }

  /** Plain comparison of two half-open ranges, written out rather than calling {@link TimeRange#overlaps}. */
  static boolean overlap(TimeRange a, TimeRange b) {
    return a.start().compareTo(b.end()) < 0 && b.start().compareTo(a.end()) < 0;
  }

  /** A block blocks at {@code now} unless it is a hold whose expiry is at or before {@code now}. */
  static boolean live(Block block, Instant now) {
    return block.expiresAt() == null || now.compareTo(block.expiresAt()) < 0;
  }

  static LocalDate localDate(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone).toLocalDate();
  }

  /** ISO week of a date as year*100+week, for the per-week limit. */
  static int isoWeek(LocalDate date) {
    return date.get(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** Whether {@code minute} (0..1439 of a wall-clock day) lies in the window, 24:00 ends being 1440. */
  static boolean wallContains(WallClockWindow window, int minute) {
    int from = window.start().getHour() * 60 + window.start().getMinute();
    int to = window.end().equals(java.time.LocalTime.MIDNIGHT) ? 1440
        : window.end().getHour() * 60 + window.end().getMinute();
    return from <= minute && minute < to;
  }
}
