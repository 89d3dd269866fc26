package dev.dovetail.waitlist.app;

import static dev.dovetail.booking.port.out.Outcomes.await;

import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryOutboxRepository;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.InMemoryWaitlistRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.RecordingBookingEvents;
import dev.dovetail.testkit.TestBookings;
import dev.dovetail.waitlist.domain.Wish;
import dev.dovetail.waitlist.port.in.Waitlist;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The waitlist use cases over the in-memory reference adapters, with a clock the test moves. */
final class WaitlistFixture {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Monday 2026-11-23 08:00 Berlin. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T07:00:00Z");
  static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

  final MutableClock clock = new MutableClock(MONDAY_MORNING);
  final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  final InMemoryCatalog.BookingTypes types = new InMemoryCatalog.BookingTypes();
  final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository(clock);
  final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  final InMemoryResourceLock lock = new InMemoryResourceLock();
  final RecordingBookingEvents events = new RecordingBookingEvents();
  final InMemoryOutboxRepository outbox = new InMemoryOutboxRepository();
  final InMemoryWaitlistRepository waitlist = new InMemoryWaitlistRepository();
  final ManageTokens tokens = new ManageTokens("a key of at least thirty-two bytes!".getBytes());
  final WaitlistLinks links = new WaitlistLinks(tokens);
  final CatalogService catalog = new CatalogService(providers, resources, types, bookings, schedules,
      new InMemoryCalendarObjectRepository(), clock);
  final BookSlotService bookSlot = new BookSlotService(catalog, schedules, bookings, lock, events, tokens, clock);
  final ManageBookingService manage = new ManageBookingService(catalog, schedules, bookings, lock, events, tokens,
      clock);
  final Backfill backfill = backfill();
  final WaitlistService service = new WaitlistService(waitlist, catalog, catalog, schedules, manage, backfill, outbox,
      tokens, clock, resourceId -> { });

  WaitlistFixture(BookingType... bookingTypes) {
    await(providers.insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, MONDAY_MORNING)));
    await(resources.insert(TestBookings.officeHours("room", "acme", BERLIN)));
    for (BookingType type : bookingTypes) {
      await(types.insert(type));
    }
  }

  /** Another node's backfill over the same store. */
  Backfill backfill() {
    return new Backfill(waitlist, catalog, schedules, bookSlot, manage, outbox, lock, clock, () -> { });
  }

  static Instant tuesday(int hour, int minute) {
    return TUESDAY.atTime(hour, minute).atZone(BERLIN).toInstant();
  }

  BookingReceipt.Issued book(String type, Instant start, String name) {
    return await(bookSlot.book(new BookSlotCommand(type, start, null, BERLIN, name, name.toLowerCase() + "@example.com",
        false, 1))).bookings().get(0);
  }

  Waitlist.Joined join(String type, String name, Wish wish) {
    return await(service.join(new Waitlist.JoinCommand(type, name, name.toLowerCase() + "@example.com", BERLIN,
        wish)));
  }

  static Wish tuesdayMorning() {
    return Wish.window(TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0));
  }
}
