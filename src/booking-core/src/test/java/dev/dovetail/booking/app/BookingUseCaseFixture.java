package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.RecordingBookingEvents;
import dev.dovetail.testkit.TestBookings;
import java.time.Instant;
import java.time.ZoneId;

/** The use cases wired over the in-memory reference adapters, with a clock the test moves. */
final class BookingUseCaseFixture {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Monday 2026-11-23 08:00 Berlin: an hour before opening. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T07:00:00Z");

  final MutableClock clock = new MutableClock(MONDAY_MORNING);
  final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  final InMemoryCatalog.BookingTypes types = new InMemoryCatalog.BookingTypes();
  final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository(clock);
  final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  final InMemoryResourceLock lock = new InMemoryResourceLock();
  final RecordingBookingEvents events = new RecordingBookingEvents();
  final ManageTokens tokens = new ManageTokens("a key of at least thirty-two bytes!".getBytes());
  final CatalogService catalog = new CatalogService(providers, resources, types, bookings, schedules,
      new InMemoryCalendarObjectRepository(), clock);
  final BookSlotService bookSlot = new BookSlotService(catalog, schedules, bookings, lock, events, tokens, clock);
  final ManageBookingService manage = new ManageBookingService(catalog, schedules, bookings, lock, events, tokens,
      clock);
  final AvailabilityService availability = new AvailabilityService(catalog, schedules, clock);
  final ScheduleJanitor janitor = new ScheduleJanitor(schedules, bookings, events, clock);

  BookingUseCaseFixture(BookingType... bookingTypes) {
    providers.insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, MONDAY_MORNING)).await();
    Resource room = TestBookings.officeHours("room", "acme", BERLIN);
    resources.insert(room).await();
    for (BookingType type : bookingTypes) {
      types.insert(type).await();
    }
  }

  static BookSlotCommand command(String type, Instant start, boolean hold, int weeks) {
    return new BookSlotCommand(type, start, null, ZoneId.of("America/New_York"), "Ada Lovelace", "ada@example.com",
        hold, weeks);
  }

  /** 09:00 Berlin on the given day of week offset from Monday 2026-11-23, plus minutes. */
  static Instant berlin(int dayOffset, int hour, int minute) {
    return java.time.LocalDate.of(2026, 11, 23).plusDays(dayOffset).atTime(hour, minute).atZone(BERLIN).toInstant();
  }
}
