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
 * ids. They may cost at most one read of every sync state per {@link SyncScheduler#MISS_RESCAN} on a node (the
 * Google hook's miss gate), and a notification on a known subscription reads no more than its own calendar's state.
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
  @DisplayName("a flood of batches with made-up subscription ids reads the sync states once per interval, and a"
      + " notification on a known subscription still marks its calendar due without a scan")
  void unknownSubscriptionIdsScanAtMostOncePerInterval() {
    Instant later = clock.instant().plus(Duration.ofHours(1));
    states.save(SyncState.initial(connectionId, CALENDAR, clock.instant()).dueAt(later).withChannel(
        new PushChannel("ch-1", SUBSCRIPTION, Secrets.sha256(SECRET), clock.instant().plus(Duration.ofDays(2)))))
        .await();
    scheduler.tick().await(); // the node learns its channels, as every tick does
    int afterTick = states.scans();

    for (int i = 0; i < 200; i++) {
      pushes.received(madeUpBatch(i, 20)).await();
    }
    assertThat(states.scans() - afterTick).as("4000 made-up ids in 200 batches: one scan").isEqualTo(1);
    assertThat(pushes.ignored()).isEqualTo(4000);

    pushes.received(List.of(new GraphNotification(SUBSCRIPTION, SECRET, "updated", "events/1", null))).await();
    assertThat(states.scans() - afterTick).as("a known subscription is found without a scan").isEqualTo(1);
    assertThat(states.find(connectionId, CALENDAR).await().orElseThrow().nextSyncAt())
        .as("the notified calendar is due now").isEqualTo(clock.instant());

    clock.advance(SyncScheduler.MISS_RESCAN.minusMillis(1));
    pushes.received(madeUpBatch(1000, 20)).await();
    assertThat(states.scans() - afterTick).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));
    pushes.received(madeUpBatch(2000, 20)).await();
    pushes.received(madeUpBatch(3000, 20)).await();
    assertThat(states.scans() - afterTick).as("the next interval allows one more scan").isEqualTo(2);
  }

  private static List<GraphNotification> madeUpBatch(int from, int size) {
    List<GraphNotification> batch = new ArrayList<>();
    for (int i = from; i < from + size; i++) {
      batch.add(new GraphNotification("made-up-" + i, "guess-" + i, "created", "events/" + i, null));
    }
    return batch;
  }
}
