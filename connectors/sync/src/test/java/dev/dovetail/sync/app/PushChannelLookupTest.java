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
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 6, and ADR 81: a push costs one indexed read of the state its channel id names, whoever sent it. A
 * flood of made-up ids never reads every sync state, and a channel another node opened is known at its first push.
 */
class PushChannelLookupTest {

  private final SyncFixture f = new SyncFixture();
  private final Vertx vertx = Vertx.vertx();
  private final SyncScheduler scheduler = new SyncScheduler(f.ctx, f.engine, vertx,
      new SyncScheduler.Settings(null, Duration.ofDays(7), Duration.ofHours(1), Duration.ofMillis(100)));

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("made-up channel ids cost one lookup each; a channel stored by another node is accepted at its first"
      + " push, with its secret only")
  void pushesLookUpTheirChannel() {
    for (int i = 0; i < 1000; i++) {
      assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "made-up-" + i, "x").await()).isFalse();
    }
    assertThat(f.states.lookups()).isEqualTo(1000);

    String secret = "secret-of-the-channel";
    Instant later = f.clock.instant().plus(Duration.ofHours(1));
    f.states.save(SyncState.initial(CONNECTION, CALENDAR, f.clock.instant()).dueAt(later).withChannel(
        new PushChannel("ch-1", "res-1", Secrets.sha256(secret), f.clock.instant().plus(Duration.ofDays(7)))))
        .await();

    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "ch-1", "not-the-secret").await()).isFalse();
    assertThat(scheduler.pushed(CalendarProvider.OUTLOOK, "ch-1", secret).await())
        .as("a channel of another service's connection").isFalse();
    assertThat(f.states.lookups()).as("one lookup per refused push").isEqualTo(1002);
    assertThat(scheduler.pushed(CalendarProvider.GOOGLE, "ch-1", secret).await()).isTrue();
    assertThat(f.states.listed()).as("no push read a list of states").isZero();
  }
}
