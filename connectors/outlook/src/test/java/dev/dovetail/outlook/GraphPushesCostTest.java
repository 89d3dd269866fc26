package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Secrets;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncEngine;
import dev.dovetail.sync.app.SyncScheduler;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.sync.testkit.InMemoryCalendarConnector;
import dev.dovetail.sync.testkit.InMemorySyncStore;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 23, the cost of {@code POST /hooks/outlook}: anyone can post notification batches naming made-up subscription
 * ids. Each distinct id costs one indexed read, for at most {@link SyncScheduler#MAX_LOOKUPS_PER_BATCH} of them per
 * batch, and never a read of every sync state (ADR 81); a notification on a known subscription reads no more than its
 * own calendar's state.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GraphPushesCostTest {

  private static final String CALENDAR = "cal-1";
  private static final String SUBSCRIPTION = "sub-known";
  private static final String SECRET = "the-subscriptions-client-state";

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock(Instant.parse("2030-03-04T07:00:00Z"));
  private final InMemorySyncStore.States states = new InMemorySyncStore.States();
  private final String connectionId = Connection.idOf(CalendarProvider.OUTLOOK, "prov-1");
  private final SyncContext ctx = new SyncContext(
      Map.of(CalendarProvider.OUTLOOK, new InMemoryCalendarConnector(CalendarProvider.OUTLOOK, CALENDAR)),
      new InMemorySyncStore.Connections(), states, new InMemorySyncStore.Mirrors(),
      new InMemorySyncStore.Conflicts(), new InMemoryCatalog.Resources(), new InMemoryScheduleRepository(),
      new InMemoryResourceLock(), SyncNotices.none(), new TokenCipher(new byte[32]), Backoff.DEFAULT, clock,
      () -> 0.5);
  private final SyncScheduler scheduler = new SyncScheduler(ctx,
      new SyncEngine(ctx, FreedTime.none(), BusyPolicy.DEFAULT, Duration.ofMinutes(5)), vertx,
      new SyncScheduler.Settings(null, Duration.ofDays(2), Duration.ofHours(1), Duration.ofMillis(100)));
  private final GraphPushes pushes = new GraphPushes(ctx, scheduler);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("a flood of batches with made-up subscription ids costs one indexed read per id, at most a bound per"
      + " batch, and a notification on a subscription stored by another node marks its calendar due at once")
  void madeUpSubscriptionIdsCostBoundedReads() {
    for (int i = 0; i < 200; i++) {
      pushes.received(madeUpBatch(i * 20, 20)).await();
    }
    assertThat(states.lookups()).as("4000 made-up ids in 200 batches: one lookup each").isEqualTo(4000);
    assertThat(pushes.ignored()).isEqualTo(4000);

    pushes.received(madeUpBatch(10_000, 5 * SyncScheduler.MAX_LOOKUPS_PER_BATCH)).await();
    assertThat(states.lookups() - 4000).as("a batch of 500 made-up ids: the bound of lookups")
        .isEqualTo(SyncScheduler.MAX_LOOKUPS_PER_BATCH);
    assertThat(states.listed()).as("no state was ever read by a list").isZero();

    // Another node opens the subscription: this node never saw it, and needs no scan to find it.
    Instant later = clock.instant().plus(Duration.ofHours(1));
    states.save(SyncState.initial(connectionId, CALENDAR, clock.instant()).dueAt(later).withChannel(
        new PushChannel("ch-1", SUBSCRIPTION, Secrets.sha256(SECRET), clock.instant().plus(Duration.ofDays(2)))))
        .await();
    pushes.received(List.of(new GraphNotification(SUBSCRIPTION, SECRET, "updated", "events/1", null))).await();
    assertThat(states.find(connectionId, CALENDAR).await().orElseThrow().nextSyncAt())
        .as("the notified calendar is due now").isEqualTo(clock.instant());
    assertThat(states.listed()).isZero();
  }

  private static List<GraphNotification> madeUpBatch(int from, int size) {
    List<GraphNotification> batch = new ArrayList<>();
    for (int i = from; i < from + size; i++) {
      batch.add(new GraphNotification("made-up-" + i, "guess-" + i, "created", "events/" + i, null));
    }
    return batch;
  }
}
