package dev.dovetail.infra.mongo.h2;

import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.port.out.SyncStateRepository;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 81: the sync scheduler's tick (the states due a sync, the states due a channel) and a push's lookup (by channel
 * id, by the service's subscription id) answer right on the on-disk store and read index keys of what they find, not
 * of every tenant's states. A state written before ADR 81 (no derived expiry) is found for its channel once its next
 * sync has rewritten it.
 */
@ExtendWith(VertxExtension.class)
class SyncStateReadsIT {

  private static final String STATES = "syncStates";
  private static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");
  private static final int TENANTS = 2000;

  @Test
  @DisplayName("due states, expiring channels and channel lookups read the keys of what they find among 2,000 states")
  void tickAndPushReadsAreIndexed(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      SyncStateRepository states = served.store().sync().states();
      for (int i = 0; i < TENANTS; i++) {
        await(states.save(SyncState.initial("google-t" + i, "primary", NOW).dueAt(NOW.plus(Duration.ofMinutes(5)))
            .withChannel(new PushChannel("ch-" + i, "res-" + i, "hash", NOW.plus(Duration.ofDays(7))))));
      }
      SyncState due = SyncState.initial("google-due", "primary", NOW.minusSeconds(1));
      SyncState expiring = SyncState.initial("google-exp", "primary", NOW).dueAt(NOW.plus(Duration.ofMinutes(5)))
          .withChannel(new PushChannel("ch-exp", "res-exp", "hash", NOW.plus(Duration.ofMinutes(30))));
      SyncState earliest = SyncState.initial("google-earliest", "primary", NOW.minusSeconds(60));
      await(states.save(due));
      await(states.save(expiring));
      await(states.save(earliest));
      long before = served.keysRead(STATES);

      assertThat(await(states.listDue(NOW, 10))).containsExactly(earliest, due);
      assertThat(await(states.listDue(NOW, 1))).as("the earliest due first").containsExactly(earliest);
      assertThat(await(states.listChannelsExpiringBy(NOW.plus(Duration.ofHours(1)))))
          .containsExactlyInAnyOrder(earliest, due, expiring);
      assertThat(await(states.findByChannel("ch-1234"))).map(SyncState::connectionId).contains("google-t1234");
      assertThat(await(states.findByChannelResource("res-77"))).map(SyncState::connectionId).contains("google-t77");
      assertThat(await(states.findByChannel("made-up"))).isEmpty();
      assertThat(await(states.findByChannelResource("made-up"))).isEmpty();
      assertThat(await(states.listByConnection("google-t5"))).hasSize(1);

      assertThat(served.keysRead(STATES) - before).as("keys read by the eight reads, among %d states", TENANTS)
          .isBetween(1L, 20L);
    });
  }

  @Test
  @DisplayName("a deferred channel check keeps a state out of the renewal reads until then, or until its next save")
  void deferredChannelCheck(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      SyncStateRepository states = served.store().sync().states();
      SyncState broken = SyncState.initial("google-broken", "primary", NOW).dueAt(NOW.plus(Duration.ofMinutes(5)));
      await(states.save(broken));
      Instant renewBy = NOW.plus(Duration.ofHours(1));

      await(states.deferChannelCheck("google-broken", "primary", renewBy.plus(Duration.ofMinutes(10))));
      assertThat(await(states.listChannelsExpiringBy(renewBy))).isEmpty();
      assertThat(await(states.listChannelsExpiringBy(renewBy.plus(Duration.ofMinutes(10))))).containsExactly(broken);

      await(states.deferChannelCheck("google-gone", "primary", renewBy));
      assertThat(await(states.listByConnection("google-gone"))).as("no state is made by a deferral").isEmpty();
      await(states.save(broken));
      assertThat(await(states.listChannelsExpiringBy(renewBy))).as("a save ends the deferral").containsExactly(broken);
    });
  }

  @Test
  @DisplayName("a state written before ADR 81 is due a channel again once its next sync has saved it")
  void legacyStateIsFoundAfterItsNextSave(Vertx vertx, @TempDir Path dir) {
    ServedStore.with(vertx, dir, served -> {
      await(served.raw().insert(STATES, new JsonObject().put("_id", "google-old|primary")
          .put("connectionId", "google-old").put("calendarId", "primary").put("failures", 0)
          .put("nextSyncAt", NOW.plus(Duration.ofMinutes(5)).toEpochMilli())));
      SyncStateRepository states = served.store().sync().states();
      Instant renewBy = NOW.plus(Duration.ofHours(1));
      assertThat(await(states.listChannelsExpiringBy(renewBy))).isEmpty();

      SyncState old = await(states.find("google-old", "primary")).orElseThrow();
      await(states.save(old.synced("token", NOW, NOW.plus(Duration.ofMinutes(5)))));

      assertThat(await(states.listChannelsExpiringBy(renewBy))).extracting(SyncState::connectionId)
          .containsExactly("google-old");
    });
  }
}
