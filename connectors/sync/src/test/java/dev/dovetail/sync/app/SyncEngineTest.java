package dev.dovetail.sync.app;

import static dev.dovetail.sync.app.SyncFixture.CALENDAR;
import static dev.dovetail.sync.app.SyncFixture.CONNECTION;
import static dev.dovetail.sync.app.SyncFixture.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ConnectionState;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalBusyTime;
import dev.dovetail.sync.domain.ExternalChange;
import dev.dovetail.sync.domain.ExternalEvent;
import dev.dovetail.sync.domain.ShowAs;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyncEngineTest {

  private final SyncFixture f = new SyncFixture();

  @Test
  @DisplayName("an external event blocks the slot: the booking is refused with alternatives")
  void externalEventBlocksTheSlot() {
    f.google.create(CALENDAR, range(0, 10, 0, 60), true);

    assertThat(f.sync().outcome()).isEqualTo(SyncEngine.Outcome.SYNCED);

    assertThat(f.busyBlocks()).extracting(Block::span).containsExactly(range(0, 10, 0, 60));
    assertThatThrownBy(() -> f.book(0, 10)).isInstanceOf(SlotTakenException.class);
  }

  @Test
  @DisplayName("sync lag: from the service's modification time to the written block, per change; a full listing none")
  void syncLagRunsFromTheModificationToTheBlock() {
    f.google.stampModifications(f.clock);
    f.google.create(CALENDAR, range(0, 9, 0, 30), true);
    f.sync();
    assertThat(f.lags).as("the first, full listing re-reads old events").isEmpty();

    String id = f.google.create(CALENDAR, range(0, 10, 0, 60), true);
    f.clock.advance(Duration.ofSeconds(30));
    f.google.move(CALENDAR, id, range(0, 11, 0, 60));
    f.clock.advance(Duration.ofSeconds(12));
    f.sync();

    assertThat(f.lags).containsExactly("google PT12S");
    f.google.delete(CALENDAR, id);
    f.sync();
    assertThat(f.lags).containsExactly("google PT12S", "google PT0S");
  }

  @Test
  @DisplayName("a moved event moves its block; a deleted one frees the time and announces it")
  void movedAndDeletedEvents() {
    String id = f.google.create(CALENDAR, range(0, 10, 0, 60), true);
    f.sync();

    f.google.move(CALENDAR, id, range(0, 14, 0, 30));
    f.sync();
    assertThat(f.busyBlocks()).extracting(Block::span).containsExactly(range(0, 14, 0, 30));
    assertThat(f.freed).containsExactly(range(0, 10, 0, 60));

    f.google.delete(CALENDAR, id);
    f.sync();
    assertThat(f.busyBlocks()).isEmpty();
    assertThat(f.freed).endsWith(range(0, 14, 0, 30));
    assertThat(f.book(0, 14).booking().time()).isEqualTo(range(0, 14, 0, 60));
  }

  @Test
  @DisplayName("a free (transparent) event does not block")
  void freeEventDoesNotBlock() {
    f.google.create(CALENDAR, range(0, 10, 0, 60), false);
    f.sync();

    assertThat(f.busyBlocks()).isEmpty();
    assertThat(f.book(0, 10)).isNotNull();
  }

  @Test
  @DisplayName("an all-day event blocks from midnight to midnight in the resource's zone")
  void allDayEventBlocksTheResourcesDay() {
    ChangeSet changes = new ChangeSet(List.of(new ExternalChange.Upserted(ExternalEvent.allDay(CALENDAR, "holiday",
        "", "\"1\"", LocalDate.of(2030, 3, 5), LocalDate.of(2030, 3, 6), ShowAs.BUSY))), "t", true);

    f.schedules.update("room", s -> ExternalBusyTime.apply(s, CalendarProvider.GOOGLE, CALENDAR, SyncFixture.BERLIN,
        changes, id -> false, BusyPolicy.DEFAULT, f.clock.instant()).schedule()).await();

    assertThat(f.busyBlocks()).extracting(Block::span).containsExactly(
        new TimeRange(SyncFixture.at(1, 0, 0), SyncFixture.at(2, 0, 0)));
  }

  @Test
  @DisplayName("an expired sync token leads to a full resync that replaces the calendar's blocks in one write")
  void expiredTokenResyncsInFull() {
    String kept = f.google.create(CALENDAR, range(0, 9, 0, 60), true);
    String gone = f.google.create(CALENDAR, range(0, 10, 0, 60), true);
    f.sync();
    f.google.delete(CALENDAR, gone);
    f.google.invalidateTokens(CALENDAR);

    SyncEngine.Report report = f.sync();

    assertThat(report.full()).isTrue();
    assertThat(f.busyBlocks()).extracting(b -> b.span()).containsExactly(range(0, 9, 0, 60));
    assertThat(f.google.events(CALENDAR)).containsOnlyKeys(kept);
  }

  @Test
  @DisplayName("an event over a booking: the booking stands, the time around it blocks, the booking is flagged once")
  void eventOverABookingIsAConflict() {
    BookingReceipt.Issued booked = f.book(0, 10);
    f.google.create(CALENDAR, range(0, 9, 30, 120), true);

    f.sync();
    f.sync();

    assertThat(f.busyBlocks()).extracting(Block::span)
        .containsExactlyInAnyOrder(range(0, 9, 30, 30), range(0, 11, 0, 30));
    assertThat(f.conflicts.find(booked.booking().id()).await()).isPresent();
    assertThat(f.notices.conflicts).hasSize(1);
    assertThat(f.notices.conflicts.get(0).bookingId()).isEqualTo(booked.booking().id());
  }

  @Test
  @DisplayName("when a flagged booking is cancelled, the flag clears and a resync blocks the event's whole time")
  void cancellingAFlaggedBookingRestoresTheEventsBlock() {
    BookingReceipt.Issued booked = f.book(0, 10);
    f.google.create(CALENDAR, range(0, 9, 30, 120), true);
    f.sync();

    f.manage.cancel(booked.manageToken()).await();
    f.clock.advance(Duration.ofSeconds(3));
    f.sync();

    assertThat(f.conflicts.find(booked.booking().id()).await()).isEmpty();
    assertThat(f.busyBlocks()).extracting(Block::span).containsExactly(range(0, 9, 30, 120));
  }

  @Test
  @DisplayName("the hub's own booking event coming back is recognised by id and never becomes busy time")
  void ownEventsDoNotEcho() {
    BookingReceipt.Issued booked = f.book(0, 10);
    f.writeAll();
    assertThat(f.google.events(CALENDAR)).hasSize(1).containsValue(booked.booking().time());

    f.sync();

    assertThat(f.busyBlocks()).isEmpty();
    assertThat(f.conflicts.find(booked.booking().id()).await()).isEmpty();
    assertThat(f.mirrors.listByConnection(CONNECTION).await()).noneMatch(m -> m.pending());
  }

  @Test
  @DisplayName("a rate-limited read backs off with jitter and keeps the token; the next run succeeds")
  void rateLimitedSyncBacksOff() {
    f.google.create(CALENDAR, range(0, 10, 0, 60), true);
    f.google.failNext(1, () -> new ConnectorException.RateLimited("429", 0, null));

    SyncEngine.Report first = f.sync();

    assertThat(first.outcome()).isEqualTo(SyncEngine.Outcome.RETRY_LATER);
    var state = f.states.find(CONNECTION, CALENDAR).await().orElseThrow();
    assertThat(state.failures()).isEqualTo(1);
    assertThat(state.nextSyncAt()).isAfter(f.clock.instant());
    assertThat(f.sync().outcome()).isEqualTo(SyncEngine.Outcome.SYNCED);
    assertThat(f.busyBlocks()).hasSize(1);
  }

  @Test
  @DisplayName("a revoked grant breaks the connection and tells the provider once; nothing more is read")
  void revokedGrantBreaksTheConnection() {
    f.google.failNext(2, () -> new ConnectorException.AuthorizationRevoked("invalid_grant", null));

    assertThat(f.sync().outcome()).isEqualTo(SyncEngine.Outcome.BROKEN);

    assertThat(f.connections.findById(CONNECTION).await().orElseThrow().state()).isEqualTo(ConnectionState.BROKEN);
    assertThat(f.notices.broken).hasSize(1);
    assertThat(f.sync().outcome()).isEqualTo(SyncEngine.Outcome.SKIPPED);
  }

  @Test
  @DisplayName("an external event not synced yet still refuses the booking through the live free/busy check")
  void liveCheckBlocksUnsyncedEvent() {
    f.google.create(CALENDAR, range(0, 10, 0, 60), true);
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      var live = new LiveExternalBusy(f.ctx, vertx, Duration.ofSeconds(2));
      var service = new dev.dovetail.booking.app.BookSlotService(f.catalog, f.schedules, f.bookings, f.lock,
          f.events, f.tokens, f.clock, live);

      assertThatThrownBy(() -> service.book(new BookSlotCommand("t60", SyncFixture.at(0, 10, 0), null,
          SyncFixture.BERLIN, "Ada", "ada@example.com", false, 1)).await())
          .isInstanceOf(SlotTakenException.class).hasMessageContaining("provider's calendar");
    } finally {
      vertx.close().await();
    }
  }
}
