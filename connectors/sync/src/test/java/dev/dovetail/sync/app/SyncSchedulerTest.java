package dev.dovetail.sync.app;

import static dev.dovetail.sync.app.SyncFixture.CALENDAR;
import static dev.dovetail.sync.app.SyncFixture.CONNECTION;
import static dev.dovetail.sync.app.SyncFixture.awaitTrue;
import static dev.dovetail.sync.app.SyncFixture.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Push hints, channel renewal and spoofed notifications, over the in-memory connector and a moved clock. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SyncSchedulerTest {

  private final SyncFixture f = new SyncFixture();
  private final Vertx vertx = Vertx.vertx();
  private final SyncScheduler scheduler = new SyncScheduler(f.ctx, f.engine, vertx,
      new SyncScheduler.Settings("https://hub.example", Duration.ofDays(7), Duration.ofHours(1),
          Duration.ofMillis(100)));

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private PushChannel openChannel() {
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant())).await();
    scheduler.tick().await();
    awaitTrue(() -> f.states.find(CONNECTION, CALENDAR).await().orElseThrow().channel() != null);
    return f.states.find(CONNECTION, CALENDAR).await().orElseThrow().channel();
  }

  @Test
  @DisplayName("a tick reads the states due a sync or a channel, not every tenant's (ADR 81)")
  void aTickReadsOnlyWhatIsDue() {
    for (int i = 0; i < 1000; i++) {
      f.states.save(SyncState.initial("google-tenant-" + i, CALENDAR, f.clock.instant())
          .dueAt(f.clock.instant().plus(Duration.ofMinutes(5)))
          .withChannel(new PushChannel("ch-" + i, "res-" + i, "hash", f.clock.instant().plus(Duration.ofDays(7)))))
          .await();
    }
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant())).await();

    scheduler.tick().await();

    assertThat(f.states.listed()).as("the one state due a sync, and again as due a channel").isEqualTo(2);
    awaitTrue(() -> f.states.find(CONNECTION, CALENDAR).await().orElseThrow().channel() != null);
  }

  @Test
  @DisplayName("a calendar whose channel cannot be opened (a broken connection) is read again only after a while")
  void unopenableChannelIsDeferred() {
    Connection granted = f.connections.findById(CONNECTION).await().orElseThrow();
    f.connections.save(granted.broken("invalid_grant", f.clock.instant())).await();
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant())
        .dueAt(f.clock.instant().plus(Duration.ofHours(1)))).await();

    scheduler.tick().await();
    int first = f.states.listed();
    assertThat(first).as("read once, as due a channel").isEqualTo(1);
    scheduler.tick().await();
    scheduler.tick().await();
    assertThat(f.states.listed()).as("deferred: not read by the next ticks").isEqualTo(first);

    f.clock.advance(SyncScheduler.CHANNEL_RECHECK);
    scheduler.tick().await();
    assertThat(f.states.listed()).as("looked at again after the wait").isEqualTo(first + 1);
  }

  @Test
  @DisplayName("ticks leave a running sync alone: a reconciliation slower than a tick runs once, not once more")
  void aSlowSyncRunsOncePerReconciliation() {
    // No push callback: a channel opening would wait for the calendar's lock, which the held sync keeps.
    SyncScheduler reconcileOnly = new SyncScheduler(f.ctx, f.engine, vertx,
        new SyncScheduler.Settings(null, Duration.ofDays(7), Duration.ofHours(1), Duration.ofMillis(100)));
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant())).await();
    Promise<Void> slowService = f.google.holdNextChanges();
    reconcileOnly.tick().await(); // starts the sync, which waits for its change round
    reconcileOnly.tick().await(); // the calendar is still due: its sync has not saved yet
    reconcileOnly.tick().await();
    slowService.complete();

    awaitTrue(() -> f.states.find(CONNECTION, CALENDAR).await().orElseThrow().nextSyncAt()
        .isAfter(f.clock.instant()));
    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
    assertThat(f.google.changeRounds()).isEqualTo(1);
  }

  @Test
  @DisplayName("two nodes' ticks list the same due calendar: the node that gets its lock second asks the service "
      + "nothing")
  void aDueCalendarIsSyncedOnceAcrossNodes() {
    SyncScheduler.Settings reconcileOnly = new SyncScheduler.Settings(null, Duration.ofDays(7), Duration.ofHours(1),
        Duration.ofMillis(100));
    SyncScheduler first = new SyncScheduler(f.ctx, f.engine, vertx, reconcileOnly);
    SyncScheduler second = new SyncScheduler(f.ctx,
        new SyncEngine(f.ctx, FreedTime.none(), BusyPolicy.DEFAULT, f.engine.reconcileEvery()), vertx, reconcileOnly);
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant())).await();
    Promise<Void> slowService = f.google.holdNextChanges();
    first.tick().await(); // its sync holds the calendar's lock, waiting for its change round
    second.tick().await(); // the calendar is still due: the other node's sync waits for the lock
    slowService.complete();

    awaitTrue(() -> f.states.find(CONNECTION, CALENDAR).await().orElseThrow().nextSyncAt()
        .isAfter(f.clock.instant()));
    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
    assertThat(f.google.changeRounds()).isEqualTo(1);
  }

  @Test
  @DisplayName("a notification with a wrong token or an unknown channel is refused and syncs nothing")
  void spoofedNotificationsAreRefused() {
    PushChannel channel = openChannel();
    f.google.create(CALENDAR, range(0, 10, 0, 60), true);
    SyncState before = f.states.find(CONNECTION, CALENDAR).await().orElseThrow();

    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, channel.id(), "guessed").await()).isFalse();
    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "no-such-channel", "x").await()).isFalse();
    assertThat(scheduler.pushed(CalendarProvider.OUTLOOK, channel.id(), "x").await()).isFalse();

    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
    assertThat(f.states.find(CONNECTION, CALENDAR).await().orElseThrow().lastSyncedAt())
        .isEqualTo(before.lastSyncedAt());
  }

  @Test
  @DisplayName("a push before the change is readable is followed by a second sync; duplicates coalesce")
  void pushIsAHintFollowedUpOnce() {
    openChannel();
    String secret = "secret-of-the-channel";
    // The channel's secret is only known as a hash: give it a known one for this test.
    SyncState s = f.states.find(CONNECTION, CALENDAR).await().orElseThrow();
    f.states.save(s.withChannel(new PushChannel(s.channel().id(), s.channel().resourceId(),
        dev.dovetail.booking.domain.Secrets.sha256(secret), s.channel().expiresAt()))).await();
    scheduler.tick().await();

    for (int i = 0; i < 5; i++) {
      assertThat(scheduler.pushed(CalendarProvider.GOOGLE, s.channel().id(), secret).await()).isTrue();
    }
    // The change becomes readable only now, after the notifications (as Google may do).
    f.google.create(CALENDAR, range(0, 10, 0, 60), true);

    awaitTrue(() -> !f.busyBlocks().isEmpty());
    assertThat(f.busyBlocks()).hasSize(1);
  }

  @Test
  @DisplayName("a push that arrives before the watch call has answered is recognised and syncs")
  void pushBeforeTheWatchAnswersIsRecognised() {
    f.google.create(CALENDAR, range(0, 10, 0, 60), true);
    java.util.List<Boolean> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    f.google.beforeWatchAnswers((channelId, secret) -> {
      scheduler.pushed(CalendarProvider.GOOGLE, channelId, secret)
          .compose(first -> scheduler.pushed(CalendarProvider.GOOGLE, channelId, "guessed").map(second -> {
            answers.add(first);
            return answers.add(second);
          }));
    });
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant())
        .dueAt(f.clock.instant().plus(Duration.ofHours(1)))).await();

    scheduler.tick().await();

    awaitTrue(() -> answers.size() == 2);
    assertThat(answers).as("the service's early push, then a spoofed one").containsExactly(true, false);
    awaitTrue(() -> !f.busyBlocks().isEmpty());
  }

  @Test
  @DisplayName("a channel about to expire is replaced by a new one that lives longer")
  void channelsAreRenewedBeforeExpiry() {
    PushChannel first = openChannel();
    f.clock.set(first.expiresAt().minus(Duration.ofMinutes(30)));

    scheduler.tick().await();

    awaitTrue(() -> !f.states.find(CONNECTION, CALENDAR).await().orElseThrow().channel().id().equals(first.id()));
    PushChannel renewed = f.states.find(CONNECTION, CALENDAR).await().orElseThrow().channel();
    assertThat(renewed.expiresAt()).isAfter(first.expiresAt());
  }

  @Test
  @DisplayName("push set-up failures back off by their count, up to about an hour, and a success starts over")
  void pushSetUpFailuresBackOffByTheirCount() {
    f.google.refuseWatches(true);
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant())).await();
    for (int failure = 1; failure <= 12; failure++) {
      int before = f.google.watchCalls();
      scheduler.tick().await();
      assertThat(f.google.watchCalls()).as("attempt %d", failure).isEqualTo(before + 1);
      f.clock.advance(failure == 12 ? Duration.ZERO : Duration.ofHours(1).plusSeconds(1));
    }
    int calls = f.google.watchCalls();

    f.clock.advance(Duration.ofMinutes(20));
    scheduler.tick().await();
    assertThat(f.google.watchCalls()).as("no new attempt 20 minutes after the 12th failure").isEqualTo(calls);
    f.clock.advance(Duration.ofMinutes(41));
    scheduler.tick().await();
    assertThat(f.google.watchCalls()).as("a new attempt within about an hour").isEqualTo(calls + 1);

    f.google.refuseWatches(false);
    f.clock.advance(Duration.ofHours(1).plusSeconds(1));
    scheduler.tick().await();
    assertThat(f.states.find(CONNECTION, CALENDAR).await().orElseThrow().channel()).isNotNull();
  }
}
