package dev.dovetail.sync.app;

import static dev.dovetail.sync.app.SyncFixture.CALENDAR;
import static dev.dovetail.sync.app.SyncFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Secrets;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 6: pushes naming channel ids this node does not know cost at most one scan of the sync states per
 * {@link SyncScheduler#MISS_RESCAN}; a flood of made-up ids does not read every sync state each time.
 */
class UnknownChannelScanTest {

  private final SyncFixture f = new SyncFixture();
  private final Vertx vertx = Vertx.vertx();
  private final SyncScheduler scheduler = new SyncScheduler(f.ctx, f.engine, vertx,
      new SyncScheduler.Settings(null, Duration.ofDays(7), Duration.ofHours(1), Duration.ofMillis(100)));

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("after a scan for an unknown id, further unknown ids are refused unread until the interval has passed")
  void unknownChannelIdsScanAtMostOncePerInterval() {
    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "made-up-1", "x").await()).isFalse();
    // A channel appears in the store (opened by another node) right after that scan.
    String secret = "secret-of-the-channel";
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant()).withChannel(new PushChannel("ch-1",
        "res-1", Secrets.sha256(secret), f.clock.instant().plus(Duration.ofDays(7))))).await();

    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "ch-1", secret).await())
        .as("within the interval nothing is read: the new channel is not seen yet").isFalse();
    f.clock.advance(SyncScheduler.MISS_RESCAN.minusMillis(1));
    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "ch-1", secret).await()).isFalse();
    f.clock.advance(Duration.ofMillis(1));
    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "ch-1", secret).await())
        .as("the next scan finds it; then it is known").isTrue();
    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "ch-1", secret).await()).isTrue();
  }
}
