package dev.dovetail.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.BookingMirrorRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MongoSyncStoreIT extends StoreIT {

  private static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");

  @Test
  @DisplayName("a connection round-trips with calendar ids that contain dots and the sealed token only")
  void connectionRoundTrip() {
    Connection c = Connection.granted("acme", CalendarProvider.GOOGLE, "owner@acme.test", "v1.sealed", NOW)
        .choosing(Map.of("team@group.calendar.google.com", Set.of("room", "desk")), "owner@acme.test",
            UnreachablePolicy.REFUSE, NOW);

    store.sync().connections().save(c).await();
    store.sync().connections().save(c.broken("invalid_grant", NOW.plusSeconds(1))).await();

    Connection read = store.sync().connections().findById(c.id()).await().orElseThrow();
    assertThat(read).isEqualTo(c.broken("invalid_grant", NOW.plusSeconds(1)));
    assertThat(store.sync().connections().listByProvider("acme").await()).hasSize(1);
    store.sync().connections().delete(c.id()).await();
    assertThat(store.sync().connections().findById(c.id()).await()).isEmpty();
  }

  @Test
  @DisplayName("a rotated refresh token replaces the sealed one only while the connection still holds the expected one")
  void refreshTokenCompareAndSet() {
    Connection c = Connection.granted("acme", CalendarProvider.OUTLOOK, "owner@acme.test", "v1.first", NOW);
    store.sync().connections().save(c).await();

    assertThat(store.sync().connections().replaceRefreshToken(c.id(), "v1.first", "v1.second", NOW.plusSeconds(5))
        .await()).isTrue();
    assertThat(store.sync().connections().replaceRefreshToken(c.id(), "v1.first", "v1.stale", NOW.plusSeconds(6))
        .await()).isFalse();
    assertThat(store.sync().connections().replaceRefreshToken("outlook-nobody", "v1.first", "v1.x", NOW).await())
        .isFalse();
    assertThat(store.sync().connections().findById(c.id()).await().orElseThrow())
        .isEqualTo(c.withRefreshToken("v1.second", NOW.plusSeconds(5)));
  }

  @Test
  @DisplayName("a sync state round-trips with its push channel, and is deleted with its connection")
  void stateRoundTrip() {
    SyncState s = SyncState.initial("google-acme", "primary", NOW).synced("tok", NOW, NOW.plusSeconds(60))
        .withChannel(new PushChannel("ch1", "res1", "hash", NOW.plusSeconds(3600)));

    store.sync().states().save(s).await();

    assertThat(store.sync().states().find("google-acme", "primary").await()).contains(s);
    store.sync().states().deleteByConnection("google-acme").await();
    assertThat(store.sync().states().listByConnection("google-acme").await()).isEmpty();
  }

  @Test
  @DisplayName("mirrors: requests are counted, one claimer wins, a request during the lease keeps it pending")
  void mirrorLifecycle() {
    BookingMirrorRepository mirrors = store.sync().mirrors();
    mirrors.request("google-acme", "b1", "primary", NOW).await();
    mirrors.request("google-acme", "b1", "primary", NOW).await();

    List<BookingMirror> first = mirrors.claimDue(NOW, "node-a", Duration.ofMinutes(1), 10).await();
    List<BookingMirror> second = mirrors.claimDue(NOW, "node-b", Duration.ofMinutes(1), 10).await();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).requested()).isEqualTo(2);
    assertThat(second).isEmpty();

    mirrors.request("google-acme", "b1", "primary", NOW).await();
    BookingMirror done = first.get(0).completed(first.get(0).requested(), new WrittenEvent("ev1", "\"1\""));
    assertThat(mirrors.complete(done, "node-b").await()).isFalse();
    assertThat(mirrors.complete(done, "node-a").await()).isTrue();

    BookingMirror stored = mirrors.find("google-acme", "b1").await().orElseThrow();
    assertThat(stored.eventId()).isEqualTo("ev1");
    assertThat(stored.pending()).isTrue();
    List<BookingMirror> again = mirrors.claimDue(NOW, "node-b", Duration.ofMinutes(1), 10).await();
    assertThat(again).hasSize(1);
    assertThat(mirrors.complete(again.get(0).completed(again.get(0).requested(), null), "node-b").await()).isTrue();
    assertThat(mirrors.find("google-acme", "b1").await().orElseThrow().pending()).isFalse();
    assertThat(mirrors.claimDue(NOW.plusSeconds(600), "node-a", Duration.ofMinutes(1), 10).await()).isEmpty();
  }

  @Test
  @DisplayName("a retry waits for its time; the lease of a dead node expires")
  void retriesAndLeases() {
    BookingMirrorRepository mirrors = store.sync().mirrors();
    mirrors.request("google-acme", "b2", "primary", NOW).await();
    BookingMirror taken = mirrors.claimDue(NOW, "node-a", Duration.ofMinutes(1), 10).await().get(0);
    mirrors.complete(taken.retryAt(NOW.plusSeconds(30), "429"), "node-a").await();

    assertThat(mirrors.claimDue(NOW.plusSeconds(10), "node-a", Duration.ofMinutes(1), 10).await()).isEmpty();
    BookingMirror retried = mirrors.claimDue(NOW.plusSeconds(31), "node-a", Duration.ofMinutes(1), 10).await().get(0);
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(retried.lastError()).isEqualTo("429");
    assertThat(mirrors.claimDue(NOW.plusSeconds(92), "node-b", Duration.ofMinutes(1), 10).await()).hasSize(1);
  }

  @Test
  @DisplayName("a conflict is new once; later events are added to the same flag; clearing removes it")
  void conflictFlags() {
    TimeRange span = new TimeRange(NOW, NOW.plusSeconds(3600));
    BookingConflict first = new BookingConflict("b1", "acme", "room",
        List.of(new BookingConflict.EventSpan("google:primary:e1:", span)), NOW);
    BookingConflict second = new BookingConflict("b1", "acme", "room",
        List.of(new BookingConflict.EventSpan("google:primary:e2:", span)), NOW);

    assertThat(store.sync().conflicts().flag(first).await()).isTrue();
    assertThat(store.sync().conflicts().flag(second).await()).isFalse();

    assertThat(store.sync().conflicts().find("b1").await().orElseThrow().events()).hasSize(2);
    assertThat(store.sync().conflicts().listByProvider("acme").await()).hasSize(1);
    store.sync().conflicts().clear("b1").await();
    assertThat(store.sync().conflicts().find("b1").await()).isEmpty();
  }
}
