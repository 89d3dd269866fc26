package dev.dovetail.sync.app;

import static dev.dovetail.sync.app.SyncFixture.CALENDAR;
import static dev.dovetail.sync.app.SyncFixture.CONNECTION;
import static dev.dovetail.sync.app.SyncFixture.at;
import static dev.dovetail.sync.app.SyncFixture.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.ConnectorException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MirrorWriterTest {

  private final SyncFixture f = new SyncFixture();

  private BookingMirror mirror(String bookingId) {
    return f.mirrors.find(CONNECTION, bookingId).await().orElseThrow();
  }

  @Test
  @DisplayName("a booking appears in the target calendar, moves with a reschedule and disappears on cancel")
  void bookingLifecycleIsMirrored() {
    BookingReceipt.Issued booked = f.book(0, 10);
    f.writeAll();
    String eventId = mirror(booked.booking().id()).eventId();
    assertThat(f.google.events(CALENDAR)).containsExactlyEntriesOf(
        java.util.Map.of(eventId, booked.booking().time()));

    f.manage.reschedule(booked.manageToken(), at(1, 14, 0)).await();
    f.writeAll();
    assertThat(f.google.events(CALENDAR)).containsExactlyEntriesOf(java.util.Map.of(eventId, range(1, 14, 0, 60)));

    f.manage.cancel(booked.manageToken()).await();
    f.writeAll();
    assertThat(f.google.events(CALENDAR)).isEmpty();
    assertThat(mirror(booked.booking().id()).eventId()).isNull();
  }

  @Test
  @DisplayName("a create whose answer was lost is retried with the same id: one event, not two")
  void retriedCreateMakesOneEvent() {
    BookingReceipt.Issued booked = f.book(0, 10);
    f.google.failNext(1, () -> new ConnectorException.Unavailable("timeout", null));

    f.writer.runDue().await();
    assertThat(mirror(booked.booking().id()).pending()).isTrue();
    assertThat(mirror(booked.booking().id()).lastError()).contains("timeout");
    f.writeAll();

    assertThat(f.google.events(CALENDAR)).hasSize(1);
  }

  @Test
  @DisplayName("the event was edited in Google meanwhile (412): re-read, then the booking is written over it")
  void staleEtagIsReReadAndRetried() {
    BookingReceipt.Issued booked = f.book(0, 10);
    f.writeAll();
    String eventId = mirror(booked.booking().id()).eventId();
    f.google.move(CALENDAR, eventId, range(2, 9, 0, 15));

    f.manage.reschedule(booked.manageToken(), at(1, 14, 0)).await();
    f.writeAll();

    assertThat(f.google.events(CALENDAR)).containsExactlyEntriesOf(java.util.Map.of(eventId, range(1, 14, 0, 60)));
  }

  @Test
  @DisplayName("an own event deleted in Google is put back on the next sync: the booking is the truth")
  void deletedOwnEventIsRestored() {
    BookingReceipt.Issued booked = f.book(0, 10);
    f.writeAll();
    f.sync();
    f.google.delete(CALENDAR, mirror(booked.booking().id()).eventId());

    f.sync();
    f.writeAll();

    assertThat(f.google.events(CALENDAR)).containsValue(booked.booking().time()).hasSize(1);
    assertThat(f.busyBlocks()).isEmpty();
  }

  @Test
  @DisplayName("rate limits back off with growing waits; nothing is lost")
  void rateLimitsBackOff() {
    BookingReceipt.Issued booked = f.book(0, 10);
    f.google.failNext(3, () -> new ConnectorException.RateLimited("rateLimitExceeded", 0, null));

    java.util.List<java.time.Instant> waits = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      f.writer.runDue().await();
      BookingMirror m = mirror(booked.booking().id());
      waits.add(m.nextAttemptAt());
      f.clock.set(m.nextAttemptAt());
    }
    f.writer.runDue().await();

    assertThat(Duration.between(waits.get(0), waits.get(1)))
        .isLessThan(Duration.between(waits.get(1), waits.get(2)));
    assertThat(f.google.events(CALENDAR)).hasSize(1);
  }

  @Test
  @DisplayName("a change recorded before its booking write waits for the booking instead of deleting anything")
  void unwrittenBookingIsWaitedFor() {
    f.mirrors.request(CONNECTION, "not-yet-written", CALENDAR, f.clock.instant()).await();

    f.writer.runDue().await();

    BookingMirror m = mirror("not-yet-written");
    assertThat(m.pending()).isTrue();
    assertThat(m.attempts()).isZero();
    f.clock.advance(MirrorWriter.BOOKING_GRACE.plusSeconds(1));
    f.writer.runDue().await();
    assertThat(mirror("not-yet-written").pending()).isFalse();
    assertThat(f.google.events(CALENDAR)).isEmpty();
  }
}
