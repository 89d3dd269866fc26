package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.outlook.emulator.GraphExternalSide;
import dev.dovetail.sync.app.BookingMirrors;
import dev.dovetail.sync.app.MirrorWriter;
import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncEngine;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ExternalBusyTime;
import dev.dovetail.sync.domain.Spans;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.port.out.RotatedTokens;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.sync.testkit.InMemorySyncStore;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The two-way state-machine property with the real Outlook connector: random changes in the emulated Outlook calendar
 * (create, move, delete, also of the hub's own events) and in the hub (book, reschedule, cancel), interleaved with
 * syncs, outbound writes, expired delta tokens and failing Graph calls, all through the Graph SDK over HTTP, with the
 * emulator's delta irregularities on (duplicates across pages, replays, out-of-window removals, small pages). 5 tries
 * of 200 steps: 1,000 random changes. After everything settles both sides agree: every live booking is exactly one
 * event in Outlook at its time and nothing else of the hub's is there; every busy Outlook event blocks its whole time
 * except under a booking (which is flagged); nothing else blocks.
 */
@Label("Outlook two-way sync: state-machine property through the Graph SDK")
class OutlookTwoWaySyncProperties {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant MONDAY = Instant.parse("2030-03-04T07:00:00Z");
  static final String CONNECTION = Connection.idOf(CalendarProvider.OUTLOOK, "acme");

  static Vertx vertx;
  static GraphEmulator graph;

  @BeforeContainer
  static void start() {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, MONDAY).await();
  }

  @AfterContainer
  static void stop() {
    vertx.close().await();
  }

  sealed interface Step permits ExtCreate, ExtMove, ExtDelete, TamperOwn, Book, Reschedule, Cancel, Sync, Write,
      LoseToken, Fail {}

  record ExtCreate(int day, int slot, int halfHours, boolean busy) implements Step {}

  record ExtMove(int pick, int day, int slot, int halfHours) implements Step {}

  record ExtDelete(int pick) implements Step {}

  record TamperOwn(int pick, boolean delete, int day, int slot) implements Step {}

  record Book(int day, int slot) implements Step {}

  record Reschedule(int pick, int day, int slot) implements Step {}

  record Cancel(int pick) implements Step {}

  record Sync() implements Step {}

  record Write() implements Step {}

  record LoseToken(int mode) implements Step {}

  record Fail(boolean rateLimit) implements Step {}

  /** The hub side (booking core and sync over in-memory stores) with the Outlook connector against the emulator. */
  static final class Fixture {
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
    final InMemorySyncStore.Connections connections = new InMemorySyncStore.Connections();
    final InMemorySyncStore.States states = new InMemorySyncStore.States();
    final InMemorySyncStore.Mirrors mirrors = new InMemorySyncStore.Mirrors();
    final InMemorySyncStore.Conflicts conflicts = new InMemorySyncStore.Conflicts();
    final TokenCipher cipher = new TokenCipher(new byte[32]);
    final String calendar = graph.primaryCalendarId();
    final GraphExternalSide outlook = graph.externalSide();
    final SyncContext ctx;
    final SyncEngine engine;
    final MirrorWriter writer;
    final BookSlotService bookSlot;
    final ManageBookingService manage;

    Fixture() throws Exception {
      MicrosoftIdentity identity = new MicrosoftIdentity(new MicrosoftIdentity.Settings(graph.loginBase(),
          GraphEmulator.TENANT, graph.clientId(), graph.clientSecret()));
      GraphCalendarConnector connector = new GraphCalendarConnector(vertx, identity, RotatedTokens.none(),
          GraphCalendarConnector.Settings.production().withGraphBase(graph.graphBase()), clock);
      ctx = new SyncContext(Map.of(CalendarProvider.OUTLOOK, connector), connections, states, mirrors, conflicts,
          resources, schedules, lock, SyncNotices.none(), cipher, Backoff.DEFAULT, clock, () -> 0.5);
      engine = new SyncEngine(ctx, FreedTime.none(), BusyPolicy.DEFAULT, Duration.ofMinutes(5));
      writer = new MirrorWriter(ctx, bookings, "node-1");
      BookingEvents events = BookingEvents.all(List.of(new BookingMirrors(ctx, () -> { })));
      bookSlot = new BookSlotService(catalog, schedules, bookings, lock, events, tokens, clock);
      manage = new ManageBookingService(catalog, schedules, bookings, lock, events, tokens, clock);
      providers.insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, MONDAY)).await();
      resources.insert(TestBookings.officeHours("room", "acme", BERLIN)).await();
      types.insert(TestBookings.simpleType("t60", "acme", "room", 60)).await();
      String refresh = GraphCalendarConnectorIT.consent(identity);
      connections.save(Connection.granted("acme", CalendarProvider.OUTLOOK, GraphEmulator.USER_UPN,
              cipher.seal(refresh, CONNECTION), MONDAY)
          .choosing(Map.of(calendar, Set.of("room")), calendar, UnreachablePolicy.ACCEPT_LAST_SYNCED, MONDAY))
          .await();
    }

    void sync() {
      engine.sync(CONNECTION, calendar).await();
    }

    void writeAll() {
      for (int i = 0; i < 20; i++) {
        writer.runDue().await();
        if (mirrors.listByConnection(CONNECTION).await().stream().noneMatch(BookingMirror::pending)) {
          return;
        }
        clock.advance(Duration.ofMinutes(16));
      }
    }

    boolean busy(String eventId) {
      JsonObject event = graph.event(eventId);
      return event != null && !"free".equals(event.getString("showAs"));
    }
  }

  @Property(tries = 5)
  @Label("1,000 random two-sided changes through the Graph SDK: both sides agree and nothing is duplicated")
  void bothSidesAgree(@ForAll("steps") List<Step> steps) throws Exception {
    graph.reset();
    graph.deltaKnobs(true, true, true, 3);
    Fixture f = new Fixture();
    List<String> external = new ArrayList<>();
    List<BookingReceipt.Issued> booked = new ArrayList<>();
    for (Step step : steps) {
      apply(f, step, external, booked);
    }
    settle(f);
    check(f, booked);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> day = Arbitraries.integers().between(0, 4);
    Arbitrary<Integer> slot = Arbitraries.integers().between(0, 15);
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
    Arbitrary<Step> step = Arbitraries.frequencyOf(
        Tuple.of(4, Combinators.combine(day, slot, Arbitraries.integers().between(1, 6),
            Arbitraries.of(true, true, true, false)).as(ExtCreate::new)),
        Tuple.of(2, Combinators.combine(pick, day, slot, Arbitraries.integers().between(1, 4)).as(ExtMove::new)),
        Tuple.of(2, pick.map(ExtDelete::new)),
        Tuple.of(1, Combinators.combine(pick, Arbitraries.of(true, false), day, slot).as(TamperOwn::new)),
        Tuple.of(4, Combinators.combine(day, slot).as(Book::new)),
        Tuple.of(2, Combinators.combine(pick, day, slot).as(Reschedule::new)),
        Tuple.of(2, pick.map(Cancel::new)),
        Tuple.of(3, Arbitraries.just(new Sync())),
        Tuple.of(3, Arbitraries.just(new Write())),
        Tuple.of(1, Arbitraries.integers().between(0, 2).map(LoseToken::new)),
        Tuple.of(1, Arbitraries.of(true, false).map(Fail::new)));
    return step.list().ofSize(200);
  }

  /** Slot n of a day: 09:00 Berlin + 30 min × n, {@code day} days after Monday 2030-03-04. */
  static Instant at(int day, int slot) {
    return LocalDate.of(2030, 3, 4).plusDays(day).atTime(9, 0).atZone(BERLIN).toInstant()
        .plus(Duration.ofMinutes(30L * slot));
  }

  private static void apply(Fixture f, Step step, List<String> external, List<BookingReceipt.Issued> booked) {
    try {
      if (step instanceof ExtCreate c) {
        external.add(f.outlook.create(f.calendar,
            TimeRange.of(at(c.day(), c.slot()), Duration.ofMinutes(30L * c.halfHours())), c.busy()));
      } else if (step instanceof ExtMove m) {
        if (!external.isEmpty()) {
          f.outlook.move(f.calendar, external.get(m.pick() % external.size()),
              TimeRange.of(at(m.day(), m.slot()), Duration.ofMinutes(30L * m.halfHours())));
        }
      } else if (step instanceof ExtDelete d) {
        if (!external.isEmpty()) {
          f.outlook.delete(f.calendar, external.remove(d.pick() % external.size()));
        }
      } else if (step instanceof TamperOwn t) {
        Map<String, TimeRange> live = f.outlook.events(f.calendar);
        List<String> own = f.mirrors.listByConnection(CONNECTION).await().stream().map(BookingMirror::eventId)
            .filter(id -> id != null && live.containsKey(id)).toList();
        if (!own.isEmpty()) {
          String id = own.get(t.pick() % own.size());
          if (t.delete()) {
            f.outlook.delete(f.calendar, id);
          } else {
            f.outlook.move(f.calendar, id, TimeRange.of(at(t.day(), t.slot()), Duration.ofMinutes(30)));
          }
        }
      } else if (step instanceof Book b) {
        booked.add(f.bookSlot.book(new BookSlotCommand("t60", at(b.day(), b.slot()), null, BERLIN, "Ada",
            "ada@example.com", false, 1)).await().bookings().get(0));
      } else if (step instanceof Reschedule r) {
        if (!booked.isEmpty()) {
          f.manage.reschedule(booked.get(r.pick() % booked.size()).manageToken(), at(r.day(), r.slot())).await();
        }
      } else if (step instanceof Cancel c) {
        if (!booked.isEmpty()) {
          f.manage.cancel(booked.get(c.pick() % booked.size()).manageToken()).await();
        }
      } else if (step instanceof Sync) {
        f.sync();
      } else if (step instanceof Write) {
        f.writer.runDue().await();
      } else if (step instanceof LoseToken l) {
        graph.invalidateDelta(List.of("410Location", "syncStateNotFound", "resyncRequired").get(l.mode()));
      } else if (step instanceof Fail x) {
        if (x.rateLimit()) {
          graph.fault("GET", "/v1\\.0/", 429, "activityLimitReached", 0, 4);
        } else {
          graph.fault("POST", "/v1\\.0/", 500, "generalException", null, 1);
        }
      }
    } catch (SlotUnavailableException | ConflictException | InvalidRequestException refused) {
      // A refused booking change is a legal outcome of a random step.
    }
  }

  private static void settle(Fixture f) {
    for (int round = 0; round < 12; round++) {
      f.clock.advance(Duration.ofMinutes(16));
      f.sync();
      f.writeAll();
      f.sync();
      boolean pending = f.mirrors.listByConnection(CONNECTION).await().stream().anyMatch(BookingMirror::pending);
      if (!pending && f.states.find(CONNECTION, f.calendar).await().orElseThrow().failures() == 0 && round > 0) {
        return;
      }
    }
  }

  private static void check(Fixture f, List<BookingReceipt.Issued> booked) {
    Instant now = f.clock.instant();
    List<Booking> live = booked.stream().map(i -> f.bookings.findById(i.booking().id()).await().orElseThrow())
        .filter(b -> b.blocksAt(now)).toList();
    Map<String, TimeRange> calendar = f.outlook.events(f.calendar);
    Map<String, String> eventOfBooking = new HashMap<>();
    Set<String> ownIds = new HashSet<>();
    for (BookingMirror m : f.mirrors.listByConnection(CONNECTION).await()) {
      if (m.eventId() != null) {
        ownIds.add(m.eventId());
        eventOfBooking.put(m.bookingId(), m.eventId());
      }
    }
    // Outbound: each live booking exactly once, at its time; nothing else of ours (created with our transactionId).
    long ours = calendar.keySet().stream().filter(id -> graph.event(id).getString("transactionId") != null).count();
    assertThat(ours).as("events the hub created that still exist").isEqualTo(live.size());
    for (Booking b : live) {
      assertThat(calendar.get(eventOfBooking.get(b.id()))).as("event of booking " + b.id()).isEqualTo(b.time());
    }
    // Inbound: busy external events block their time except under bookings (flagged); nothing else blocks.
    Schedule schedule = f.schedules.load("room").await();
    List<TimeRange> bookingSpans = schedule.blocks().stream().filter(b -> b.kind() == Block.Kind.BOOKING)
        .map(Block::span).toList();
    Map<String, TimeRange> busyExternal = new HashMap<>();
    calendar.forEach((id, time) -> {
      if (!ownIds.contains(id) && f.busy(id)) {
        busyExternal.put(ExternalBusyTime.key(CalendarProvider.OUTLOOK, f.calendar, id, ""), time);
      }
    });
    Map<String, List<TimeRange>> blocksByKey = new HashMap<>();
    for (Block b : schedule.blocks()) {
      if (b.kind() == Block.Kind.BUSY) {
        String key = ExternalBusyTime.keyOfOwner(b.ownerId());
        assertThat(busyExternal).as("busy block %s belongs to a live busy event", b.ownerId()).containsKey(key);
        assertThat(busyExternal.get(key).encloses(b.span())).isTrue();
        blocksByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(b.span());
      }
    }
    busyExternal.forEach((key, span) -> assertThat(Spans.union(blocksByKey.getOrDefault(key, List.of())))
        .as("blocks of " + key).isEqualTo(Spans.union(Spans.subtract(span, bookingSpans))));
    for (Booking b : live) {
      boolean overlapped = busyExternal.values().stream()
          .anyMatch(s -> s.overlaps(schedule.find(b.id()).orElseThrow().span()));
      if (overlapped) {
        assertThat(f.conflicts.find(b.id()).await()).as("conflict flag of " + b.id()).isPresent();
      }
    }
  }
}
