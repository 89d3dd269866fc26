package dev.dovetail.booking.port.out;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingLimits;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.BookingTypeDetails;
import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Question;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.Secrets;
import dev.dovetail.booking.domain.TypeLocation;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.kernel.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fixtures shared by the repository contracts. Every instant has whole milliseconds: that is the precision stores
 * keep (the MongoDB adapters store epoch milliseconds), so a stored object reads back equal.
 */
public final class ContractFixtures {

  /** "Now" for schedule changes; all blocks lie after it, so pruning never removes them. */
  public static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  public static final Instant BASE = Instant.parse("2030-01-07T08:00:00Z");

  private ContractFixtures() {}

  public static String id(String prefix) {
    return prefix + "-" + Ids.random().substring(0, 12);
  }

  public static TimeRange minutes(int fromMinute, int toMinute) {
    return new TimeRange(BASE.plusSeconds(60L * fromMinute), BASE.plusSeconds(60L * toMinute));
  }

  public static Block bookingBlock(String owner, TimeRange booked) {
    return new Block(owner, Block.Kind.BOOKING, "type-a", booked, booked, null, NOW);
  }

  public static Block holdBlock(String owner, TimeRange booked, Duration bufferBefore, Duration bufferAfter) {
    return new Block(owner, Block.Kind.BOOKING, "type-b", booked, booked.widen(bufferBefore, bufferAfter),
        NOW.plusSeconds(600), NOW.plusMillis(123));
  }

  public static Block busyBlock(String owner, TimeRange time) {
    return new Block(owner, Block.Kind.BUSY, null, time, time, null, NOW);
  }

  public static Booking confirmed(String providerId, String resourceId, Instant start, int minutes) {
    Instant created = Instant.parse("2029-12-01T10:15:30.123Z");
    return new Booking(Ids.random(), providerId, resourceId, "type-a", TimeRange.of(start, Duration.ofMinutes(minutes)),
        ZoneId.of("America/New_York"), "Ada Lovelace", "ada@example.com", BookingStatus.CONFIRMED, null,
        null, 0, created, created);
  }

  public static Booking held(String providerId, String resourceId, Instant start, Instant holdExpiresAt) {
    Instant created = Instant.parse("2029-12-01T10:15:30.456Z");
    return new Booking(Ids.random(), providerId, resourceId, "type-b", TimeRange.of(start, Duration.ofMinutes(45)),
        ZoneId.of("Australia/Lord_Howe"), "Grace Hopper 日本", "grace@example.org", BookingStatus.HELD, holdExpiresAt,
        Ids.random(), 3, created, created.plusSeconds(5));
  }

  /** A resource whose rule uses every feature: weekly hours, breaks, midnight ends, overrides, closed days, holidays. */
  public static Resource richResource(String id, String providerId) {
    AvailabilityRule rule = new AvailabilityRule(
        Map.of(
            DayOfWeek.MONDAY, List.of(WallClockWindow.of("09:00", "12:00"), WallClockWindow.of("13:30", "17:45")),
            DayOfWeek.SATURDAY, List.of(WallClockWindow.of("20:00", "00:00"))),
        List.of(WallClockWindow.of("10:00", "10:15")),
        Map.of(
            LocalDate.parse("2030-12-24"), List.of(WallClockWindow.of("08:00", "11:00")),
            LocalDate.parse("2030-12-31"), List.of()),
        Set.of(LocalDate.parse("2030-12-25"), LocalDate.parse("2031-01-01")));
    return new Resource(id, providerId, "Room " + id, ZoneId.of("Europe/Berlin"), true, rule);
  }

  public static Resource plainResource(String id, String providerId) {
    return new Resource(id, providerId, "Plain " + id, ZoneId.of("Asia/Kolkata"), false,
        new AvailabilityRule(Map.of(), List.of(), Map.of(), Set.of()));
  }

  /** A booking type that sets every field to a non-default value (reminders 48 h and 30 min ahead, limits). */
  public static BookingType richType(String id, String providerId, String resourceId) {
    return new BookingType(id, providerId, resourceId, "Consultation " + id,
        List.of(Duration.ofMinutes(30), Duration.ofMinutes(90)), Duration.ofMinutes(15), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofDays(60), 4, 12, new Money(12_345, "EUR"),
        PaymentRequirement.DEPOSIT,
        List.of(new CancellationTier(Duration.ofHours(24), 100), new CancellationTier(Duration.ofHours(2), 50)),
        Duration.ofMinutes(12), List.of(Duration.ofHours(48), Duration.ofMinutes(30)),
        new BookingLimits(3, 0, 7, Duration.ofMinutes(90)));
  }

  /** A description with a line break, a video link, and one question of each kind (ADR 49). */
  public static BookingTypeDetails richDetails() {
    return new BookingTypeDetails("Bring your papers.\n<b>Not bold</b>",
        new TypeLocation(TypeLocation.Kind.VIDEO, "https://meet.example.com/room-7?pwd=x"),
        List.of(new Question("topic", Question.Kind.CHOICE, "Topic", true, List.of("Tax", "Rent")),
            new Question("notes", Question.Kind.TEXT, "Anything else?", false, List.of()),
            new Question("phone", Question.Kind.PHONE, "Phone", true, List.of())));
  }

  public static Credential credential(String providerId, Credential.Kind kind) {
    return new Credential(Ids.random(), providerId, kind, "label " + kind, Secrets.sha256(Ids.randomToken(32)),
        Instant.parse("2030-02-03T04:05:06.789Z"));
  }
}
