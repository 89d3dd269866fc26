package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncEngine;
import dev.dovetail.sync.app.SyncScheduler;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.sync.testkit.InMemoryCalendarConnector;
import dev.dovetail.sync.testkit.InMemorySyncStore;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Graph notifications that come before the hub has stored the subscription they belong to: Graph may notify a change
 * as soon as the subscription exists, before its create call has answered with the id the hub then stores. The
 * Outlook connector is the in-memory one, so the test decides exactly when the early notification arrives.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GraphPushesTest {

  static final String PROVIDER = "prov-1";
  static final String ROOM = "room-1";
  static final String CALENDAR = "cal-1";

  private final Vertx vertx = Vertx.vertx();
  /** A Monday morning that stands still: only the push can make the calendar sync, at any real instant. */
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);
  private final InMemoryCalendarConnector outlook = new InMemoryCalendarConnector(CalendarProvider.OUTLOOK, CALENDAR);
  private final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository();
  private final InMemorySyncStore.States states = new InMemorySyncStore.States();
  private final String connectionId = Connection.idOf(CalendarProvider.OUTLOOK, PROVIDER);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("a change notified before the subscription's create call answered is recognised by its clientState"
      + " and syncs; a guessed clientState is ignored")
  void notificationBeforeTheSubscriptionIsStoredSyncs() {
    InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
    resources.insert(TestBookings.officeHours(ROOM, PROVIDER, ZoneId.of("Europe/Berlin"))).await();
    InMemorySyncStore.Connections connections = new InMemorySyncStore.Connections();
    TokenCipher cipher = new TokenCipher(new byte[32]);
    SyncContext ctx = new SyncContext(Map.of(CalendarProvider.OUTLOOK, outlook), connections, states,
        new InMemorySyncStore.Mirrors(), new InMemorySyncStore.Conflicts(), resources, schedules,
        new InMemoryResourceLock(), SyncNotices.none(), cipher, Backoff.DEFAULT, clock, () -> 0.5);
    SyncEngine engine = new SyncEngine(ctx, FreedTime.none(), BusyPolicy.DEFAULT, Duration.ofMinutes(5));
    SyncScheduler scheduler = new SyncScheduler(ctx, engine, vertx, new SyncScheduler.Settings("https://hub.example",
        Duration.ofDays(2), Duration.ofHours(1), Duration.ofMillis(100)));
    GraphPushes pushes = new GraphPushes(ctx, scheduler);
    Instant now = clock.instant();
    connections.save(Connection.granted(PROVIDER, CalendarProvider.OUTLOOK, "owner@example.test",
            cipher.seal("refresh-token", connectionId), now)
        .choosing(Map.of(CALENDAR, Set.of(ROOM)), CALENDAR, UnreachablePolicy.ACCEPT_LAST_SYNCED, now)).await();
    // Not due for an hour: only a push can make this calendar sync during the test.
    states.save(SyncState.initial(connectionId, CALENDAR, now).dueAt(now.plus(Duration.ofHours(1)))).await();
    Instant start = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3)).plus(Duration.ofHours(10));
    TimeRange event = new TimeRange(start, start.plus(Duration.ofMinutes(45)));
    outlook.create(CALENDAR, event, true);

    List<String> answered = new CopyOnWriteArrayList<>();
    outlook.beforeWatchAnswers((channelId, secret) -> {
      String subscriptionId = "res-" + CALENDAR; // what the in-memory connector answers as Graph's id
      pushes.received(List.of(new GraphNotification(subscriptionId, secret, "created", "events/1", null),
              new GraphNotification(subscriptionId, "guessed", "created", "events/1", null)))
          .onComplete(done -> answered.add(done.succeeded() ? "persisted" : done.cause().toString()));
    });

    scheduler.tick().await();

    awaitTrue(() -> answered.size() == 1);
    assertThat(answered).containsExactly("persisted");
    assertThat(pushes.ignored()).as("only the guessed clientState is ignored").isEqualTo(1);
    awaitTrue(() -> busy().contains(event));
  }

  private List<TimeRange> busy() {
    return schedules.load(ROOM).await().blocks().stream().filter(b -> b.kind() == Block.Kind.BUSY)
        .map(Block::booked).toList();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 15 s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }
}
