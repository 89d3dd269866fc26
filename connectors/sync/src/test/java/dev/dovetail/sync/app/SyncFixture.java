package dev.dovetail.sync.app;

import dev.dovetail.booking.app.AvailabilityService;
import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.testkit.InMemoryCalendarConnector;
import dev.dovetail.sync.testkit.InMemorySyncStore;
import dev.dovetail.sync.testkit.RecordingSyncNotices;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The booking core and the sync use cases over in-memory adapters, with one provider ("acme"), one room in Berlin,
 * a 60-minute type, and a Google connection whose calendar "primary" blocks the room and receives its bookings.
 */
final class SyncFixture {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Monday 2030-03-04 08:00 Berlin. */
  static final Instant MONDAY = Instant.parse("2030-03-04T07:00:00Z");
  static final String CALENDAR = "primary";
  static final String CONNECTION = "google-acme";

  final MutableClock clock = new MutableClock(MONDAY);
  final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  final InMemoryCatalog.BookingTypes types = new InMemoryCatalog.BookingTypes();
  final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository();
  final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  final InMemoryResourceLock lock = new InMemoryResourceLock();
  final ManageTokens tokens = new ManageTokens("a key of at least thirty-two bytes!".getBytes());
  final CatalogService catalog = new CatalogService(providers, resources, types, bookings, schedules,
      new InMemoryCalendarObjectRepository(), clock);
  final InMemoryCalendarConnector google = new InMemoryCalendarConnector(CalendarProvider.GOOGLE, CALENDAR, "other");
  final InMemorySyncStore.Connections connections = new InMemorySyncStore.Connections();
  final InMemorySyncStore.States states = new InMemorySyncStore.States();
  final InMemorySyncStore.Mirrors mirrors = new InMemorySyncStore.Mirrors();
  final InMemorySyncStore.Conflicts conflicts = new InMemorySyncStore.Conflicts();
  final RecordingSyncNotices notices = new RecordingSyncNotices();
  final TokenCipher cipher = new TokenCipher(new byte[32]);
  final List<TimeRange> freed = new ArrayList<>();
  final SyncContext ctx = new SyncContext(Map.of(CalendarProvider.GOOGLE, google), connections, states, mirrors,
      conflicts, resources, schedules, lock, notices, cipher, Backoff.DEFAULT, clock, () -> 0.5);
  final FreedTime freedTime = (resourceId, spans) -> {
    freed.addAll(spans);
    return io.vertx.core.Future.succeededFuture();
  };
  /** Every sync lag the engine reported, as "service lag". */
  final List<String> lags = new java.util.concurrent.CopyOnWriteArrayList<>();
  final SyncEngine engine = new SyncEngine(ctx, freedTime, BusyPolicy.DEFAULT, Duration.ofMinutes(5),
      (service, lag) -> lags.add(service.name().toLowerCase() + " " + lag));
  final MirrorWriter writer = new MirrorWriter(ctx, bookings, "node-1");
  final BookingEvents events =
      BookingEvents.all(List.of(new BookingMirrors(ctx, () -> { }), new ConflictWatch(ctx)));
  final BookSlotService bookSlot = new BookSlotService(catalog, schedules, bookings, lock, events, tokens, clock);
  final ManageBookingService manage =
      new ManageBookingService(catalog, schedules, bookings, lock, events, tokens, clock);
  final AvailabilityService availability = new AvailabilityService(catalog, schedules, clock);

  SyncFixture() {
    providers.insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, MONDAY)).await();
    resources.insert(TestBookings.officeHours("room", "acme", BERLIN)).await();
    types.insert(TestBookings.simpleType("t60", "acme", "room", 60)).await();
    Connection granted = Connection.granted("acme", CalendarProvider.GOOGLE, "owner@acme.test",
        cipher.seal("refresh-token", CONNECTION), MONDAY);
    connections.save(granted.choosing(Map.of(CALENDAR, Set.of("room")), CALENDAR,
        UnreachablePolicy.ACCEPT_LAST_SYNCED, MONDAY)).await();
  }

  Grant grant() {
    return new Grant(CONNECTION, "owner@acme.test", "refresh-token");
  }

  /** {@code hour}:{@code minute} Berlin time, {@code day} days after Monday 2030-03-04. */
  static Instant at(int day, int hour, int minute) {
    return LocalDate.of(2030, 3, 4).plusDays(day).atTime(hour, minute).atZone(BERLIN).toInstant();
  }

  static TimeRange range(int day, int hour, int minute, int minutes) {
    return TimeRange.of(at(day, hour, minute), Duration.ofMinutes(minutes));
  }

  BookingReceipt.Issued book(int day, int hour) {
    return bookSlot.book(new BookSlotCommand("t60", at(day, hour, 0), null, BERLIN, "Ada Lovelace",
        "ada@example.com", false, 1)).await().bookings().get(0);
  }

  SyncEngine.Report sync() {
    return engine.sync(CONNECTION, CALENDAR).await();
  }

  List<Block> busyBlocks() {
    return schedules.load("room").await().blocks().stream().filter(b -> b.kind() == Block.Kind.BUSY).toList();
  }

  /** Writes every pending mirror, moving the clock past backoffs, until none is left (bounded). */
  void writeAll() {
    for (int i = 0; i < 20; i++) {
      writer.runDue().await();
      if (mirrors.listByConnection(CONNECTION).await().stream().noneMatch(m -> m.pending())) {
        return;
      }
      clock.advance(Duration.ofMinutes(16));
    }
  }

  /** Waits up to 10 s for {@code condition} (work the scheduler does on Vert.x threads). */
  static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 10 s");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }
}
