package dev.dovetail.sync.app;

import static dev.dovetail.sync.app.SyncFixture.CALENDAR;
import static dev.dovetail.sync.app.SyncFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalBusyTime;
import dev.dovetail.sync.domain.OutboundIds;
import dev.dovetail.sync.domain.Spans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The state-machine property of two-way sync (after vdirsyncer's sync tests): random changes on both sides (the
 * provider creating, moving and deleting events in Google, also the hub's own; customers booking, rescheduling and
 * cancelling), interleaved with syncs, writes, lost sync tokens and failing calls. 5 tries of 200 steps: 1,000 random
 * changes per run. After everything settles both sides agree: every live booking is exactly one event in the calendar
 * at its time and nothing else of the hub's is there (no duplicates, no leftovers); every busy external event blocks its
 * whole time except where a booking stands, and that booking is flagged; nothing else blocks.
 */
class TwoWaySyncProperties {

  sealed interface Step permits ExtCreate, ExtOverBooking, ExtMove, ExtDelete, TamperOwn, Book, Reschedule, Cancel, Sync, Write,
      LoseToken, Fail {}

  record ExtCreate(int day, int slot, int halfHours, boolean busy) implements Step {}

  /** The provider puts a personal event over a booking (a conflict). */
  record ExtOverBooking(int pick) implements Step {}

  record ExtMove(int pick, int day, int slot, int halfHours) implements Step {}

  record ExtDelete(int pick) implements Step {}

  record TamperOwn(int pick, boolean delete, int day, int slot) implements Step {}

  record Book(int day, int slot) implements Step {}

  record Reschedule(int pick, int day, int slot) implements Step {}

  record Cancel(int pick) implements Step {}

  record Sync() implements Step {}

  record Write() implements Step {}

  record LoseToken() implements Step {}

  record Fail(boolean rateLimit) implements Step {}

  @Property(tries = 5, edgeCases = EdgeCasesMode.NONE)
  @Label("1,000 random two-sided changes: both sides agree and nothing is duplicated")
  void bothSidesAgree(@ForAll("steps") List<Step> steps) {
    SyncFixture f = new SyncFixture();
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
        net.jqwik.api.Tuple.of(3, Combinators.combine(day, slot, Arbitraries.integers().between(1, 3),
            Arbitraries.of(true, true, true, false)).as(ExtCreate::new)),
        net.jqwik.api.Tuple.of(2, pick.map(ExtOverBooking::new)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(pick, day, slot, Arbitraries.integers().between(1, 4))
            .as(ExtMove::new)),
        net.jqwik.api.Tuple.of(3, pick.map(ExtDelete::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(pick, Arbitraries.of(true, false), day, slot)
            .as(TamperOwn::new)),
        net.jqwik.api.Tuple.of(6, Combinators.combine(day, slot).as(Book::new)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(pick, day, slot).as(Reschedule::new)),
        net.jqwik.api.Tuple.of(2, pick.map(Cancel::new)),
        net.jqwik.api.Tuple.of(3, Arbitraries.just(new Sync())),
        net.jqwik.api.Tuple.of(3, Arbitraries.just(new Write())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new LoseToken())),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(Fail::new)));
    return step.list().ofSize(200);
  }

  /** Slot n of a day: 09:00 + 30 min × n (office hours 09-17, lunch 12-13). */
  private static java.time.Instant at(int day, int slot) {
    return SyncFixture.at(day, 9, 0).plus(Duration.ofMinutes(30L * slot));
  }

  private static void apply(SyncFixture f, Step step, List<String> external, List<BookingReceipt.Issued> booked) {
    try {
      if (step instanceof ExtCreate c) {
        external.add(f.google.create(CALENDAR,
            TimeRange.of(at(c.day(), c.slot()), Duration.ofMinutes(30L * c.halfHours())), c.busy()));
      } else if (step instanceof ExtOverBooking o) {
        if (!booked.isEmpty()) {
          Booking b = f.bookings.findById(booked.get(o.pick() % booked.size()).booking().id()).await().orElseThrow();
          external.add(f.google.create(CALENDAR, b.time().widen(Duration.ofMinutes(30), Duration.ZERO), true));
        }
      } else if (step instanceof ExtMove m) {
        if (!external.isEmpty()) {
          f.google.move(CALENDAR, external.get(m.pick() % external.size()),
              TimeRange.of(at(m.day(), m.slot()), Duration.ofMinutes(30L * m.halfHours())));
        }
      } else if (step instanceof ExtDelete d) {
        if (!external.isEmpty()) {
          f.google.delete(CALENDAR, external.remove(d.pick() % external.size()));
        }
      } else if (step instanceof TamperOwn t) {
        List<String> own = f.mirrors.listByConnection(CONNECTION).await().stream()
            .map(BookingMirror::eventId).filter(id -> id != null && f.google.events(CALENDAR).containsKey(id))
            .toList();
        if (!own.isEmpty()) {
          String id = own.get(t.pick() % own.size());
          if (t.delete()) {
            f.google.delete(CALENDAR, id);
          } else {
            f.google.move(CALENDAR, id, TimeRange.of(at(t.day(), t.slot()), Duration.ofMinutes(30)));
          }
        }
      } else if (step instanceof Book b) {
        booked.add(f.bookSlot.book(new dev.dovetail.booking.port.in.BookSlotCommand("t60",
            at(b.day(), b.slot()), null, SyncFixture.BERLIN, "Ada", "ada@example.com", false, 1)).await()
            .bookings().get(0));
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
      } else if (step instanceof LoseToken) {
        f.google.invalidateTokens(CALENDAR);
      } else if (step instanceof Fail x) {
        f.google.failNext(1, () -> x.rateLimit()
            ? new ConnectorException.RateLimited("rateLimitExceeded", 0, null)
            : new ConnectorException.Unavailable("connection reset", null));
      }
    } catch (SlotUnavailableException | ConflictException | InvalidRequestException refused) {
      // A refused booking change is a legal outcome of a random step.
    }
  }

  private static void settle(SyncFixture f) {
    for (int round = 0; round < 12; round++) {
      f.clock.advance(Duration.ofMinutes(16));
      f.sync();
      f.writeAll();
      f.sync();
      boolean pending = f.mirrors.listByConnection(CONNECTION).await().stream().anyMatch(BookingMirror::pending);
      if (!pending && f.states.find(CONNECTION, CALENDAR).await().orElseThrow().failures() == 0 && round > 0) {
        return;
      }
    }
  }

  private static void check(SyncFixture f, List<BookingReceipt.Issued> booked) {
    java.time.Instant now = f.clock.instant();
    List<Booking> live = booked.stream().map(i -> f.bookings.findById(i.booking().id()).await().orElseThrow())
        .filter(b -> b.blocksAt(now)).toList();
    Map<String, TimeRange> calendar = f.google.events(CALENDAR);
    Set<String> ownIds = new HashSet<>();
    for (BookingMirror m : f.mirrors.listByConnection(CONNECTION).await()) {
      ownIds.add(OutboundIds.proposedId(CONNECTION, m.bookingId()));
    }
    // Outbound: each live booking exactly once, at its time; nothing else of ours.
    Map<String, TimeRange> own = new HashMap<>();
    calendar.forEach((id, time) -> {
      if (ownIds.contains(id)) {
        own.put(id, time);
      }
    });
    assertThat(own).hasSize(live.size());
    for (Booking b : live) {
      assertThat(own.get(OutboundIds.proposedId(CONNECTION, b.id()))).as("event of booking " + b.id())
          .isEqualTo(b.time());
    }
    // Inbound: busy external events block their time except under bookings (which are flagged); nothing else blocks.
    Schedule schedule = f.schedules.load("room").await();
    List<TimeRange> bookingSpans = schedule.blocks().stream().filter(b -> b.kind() == Block.Kind.BOOKING)
        .map(Block::span).toList();
    Map<String, TimeRange> busyExternal = new HashMap<>();
    f.google.events(CALENDAR).forEach((id, time) -> {
      if (!ownIds.contains(id) && f.google.isBusy(CALENDAR, id)) {
        busyExternal.put(ExternalBusyTime.key(CalendarProvider.GOOGLE, CALENDAR, id, ""), time);
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
    busyExternal.forEach((key, span) -> {
      List<TimeRange> uncovered = Spans.subtract(span, bookingSpans);
      assertThat(Spans.union(blocksByKey.getOrDefault(key, List.of()))).as("blocks of " + key)
          .isEqualTo(Spans.union(uncovered));
    });
    for (Booking b : live) {
      boolean overlapped = busyExternal.values().stream().anyMatch(s -> s.overlaps(
          schedule.find(b.id()).orElseThrow().span()));
      if (overlapped) {
        assertThat(f.conflicts.find(b.id()).await()).as("conflict flag of " + b.id()).isPresent();
      }
    }
  }
}
