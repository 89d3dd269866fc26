package dev.dovetail.sync.app;

import static dev.dovetail.sync.app.SyncFixture.CALENDAR;
import static dev.dovetail.sync.app.SyncFixture.CONNECTION;
import static dev.dovetail.sync.app.SyncFixture.awaitTrue;
import static dev.dovetail.sync.app.SyncFixture.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.port.out.FreeBusySupport;
import dev.dovetail.sync.port.out.PushSupport;
import dev.dovetail.sync.port.out.RevokeSupport;
import dev.dovetail.sync.testkit.CoreOnlyConnector;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ADR 54: the core asks a connector for what only some services offer, and a service without it is still synced.
 * The same in-memory service is used whole ({@code f.ctx}) and seen through the core port alone ({@code coreOnly}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CapabilitiesTest {

  private final SyncFixture f = new SyncFixture();
  private final SyncContext coreOnly = new SyncContext(
      Map.of(CalendarProvider.GOOGLE, new CoreOnlyConnector(f.google)), f.connections, f.states, f.mirrors,
      f.conflicts, f.resources, f.schedules, f.lock, f.notices, f.cipher, f.ctx.backoff(), f.clock, () -> 0.5);
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("a capability is there only where the connector offers it, and never for a service the hub lacks")
  void capabilitiesFollowTheConnector() {
    assertThat(f.ctx.capability(CalendarProvider.GOOGLE, PushSupport.class)).containsSame(f.google);
    assertThat(f.ctx.capability(CalendarProvider.GOOGLE, FreeBusySupport.class)).containsSame(f.google);
    assertThat(f.ctx.capability(CalendarProvider.GOOGLE, RevokeSupport.class)).isEmpty();
    assertThat(f.ctx.capability(CalendarProvider.OUTLOOK, PushSupport.class)).isEmpty();
    assertThat(coreOnly.capability(CalendarProvider.GOOGLE, PushSupport.class)).isEmpty();
    assertThat(coreOnly.capability(CalendarProvider.GOOGLE, FreeBusySupport.class)).isEmpty();
  }

  @Test
  @DisplayName("without push the scheduler opens no channel and still syncs the calendar")
  void withoutPushTheCalendarIsStillSynced() {
    SyncScheduler scheduler = new SyncScheduler(coreOnly,
        new SyncEngine(coreOnly, f.freedTime, BusyPolicy.DEFAULT, Duration.ofMinutes(5)), vertx,
        new SyncScheduler.Settings("https://hub.example", Duration.ofDays(7), Duration.ofHours(1),
            Duration.ofMillis(100)));
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant())).await();
    TimeRange meeting = range(0, 10, 0, 60);
    f.google.create(CALENDAR, meeting, true);

    scheduler.tick().await();

    awaitTrue(() -> !f.busyBlocks().isEmpty());
    assertThat(f.busyBlocks()).singleElement().satisfies(b -> assertThat(b.span()).isEqualTo(meeting));
    assertThat(f.google.watchCalls()).isZero();
    assertThat(f.states.find(CONNECTION, CALENDAR).await().orElseThrow().channel()).isNull();
  }

  @Test
  @DisplayName("without live free/busy the booking-time check asks nothing and leaves the slot to the synced data")
  void withoutFreeBusyTheBookingTimeCheckAsksNothing() {
    TimeRange meeting = range(0, 10, 0, 60);
    f.google.create(CALENDAR, meeting, true);
    TimeRange day = range(0, 8, 0, 10 * 60);

    assertThat(new LiveExternalBusy(f.ctx, vertx, Duration.ofSeconds(2)).busy("room", day).await())
        .containsExactly(meeting);
    assertThat(new LiveExternalBusy(coreOnly, vertx, Duration.ofSeconds(2)).busy("room", day).await()).isEmpty();
  }
}
