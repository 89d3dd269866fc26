package dev.dovetail.sync.app;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Secrets;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.port.in.ReceivePush;
import dev.dovetail.sync.port.out.PushSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When inbound syncs run. Pushes are hints: a verified notification asks for a sync at once and, because a
 * notification may arrive before its change is readable, for one more after {@code followUp}. Every calendar is also
 * reconciled on its own timer (the sync state's {@code nextSyncAt}, set by the engine), so lost pushes only delay a
 * change. Pushes for a calendar whose sync is running are coalesced into one more run; a tick leaves a running sync
 * alone. Push channels are opened for every synced calendar when a callback URL is configured, and replaced
 * {@code renewBefore} their expiry. A tick reads only the states due a sync or a channel, and a push reads only the
 * state its channel names (ADR 81): neither costs in proportion to every tenant's calendars.
 */
public final class SyncScheduler implements ReceivePush {

  private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

  /**
   * {@code callbackBase}: the hub's public URL that services push to (null: no push, reconciliation only);
   * {@code channelLifetime}: asked for when opening a channel; {@code renewBefore}: how long before its expiry a
   * channel is replaced; {@code followUp}: the second sync after a push.
   */
  public record Settings(String callbackBase, Duration channelLifetime, Duration renewBefore, Duration followUp) {}

  private record Opening(String connectionId, String calendarId, String secretHash) {}

  private enum Run {
    RUNNING,
    AGAIN
  }

  private final SyncContext ctx;
  private final SyncEngine engine;
  private final Vertx vertx;
  private final Settings settings;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  /**
   * Push set-up back-off: by the calendar's count of consecutive failures, 4 s doubling up to an hour, so a channel the
   * service keeps refusing (non-https address, revoked scope) costs one call an hour, not one every few seconds.
   */
  static final Backoff WATCH_BACKOFF = new Backoff(Duration.ofSeconds(4), Duration.ofHours(1));
  private final Map<String, Instant> watchRetryAt = new ConcurrentHashMap<>();
  private final Map<String, Integer> watchFailures = new ConcurrentHashMap<>();
  private final Set<String> opening = ConcurrentHashMap.newKeySet();
  /**
   * Channels this node is opening, by id: the service may push on a channel (its {@code sync} message, or a change)
   * before the watch call has answered and the channel is stored, where a push would not find it yet.
   */
  private final Map<String, Opening> openingChannels = new ConcurrentHashMap<>();
  /**
   * How many distinct subscription ids of one notification batch are looked up (one indexed read each): anyone can
   * post a batch, so its cost is bounded whatever its size. A notification beyond them is ignored, and its calendar
   * still syncs on its own timer.
   */
  public static final int MAX_LOOKUPS_PER_BATCH = 100;
  /**
   * The most calendars one tick reads as due, earliest first. Those still running fill part of it, so it also bounds
   * the reconciliations a node starts at once (after an outage every calendar is due); the rest follow on later ticks.
   */
  public static final int MAX_DUE_PER_TICK = 500;
  /**
   * How long a calendar whose channel cannot be opened now (a broken connection, a service without push) waits before
   * the renewal looks at it again. A re-granted connection's resync saves its states, which ends the wait at once.
   */
  public static final Duration CHANNEL_RECHECK = Duration.ofMinutes(10);

  public SyncScheduler(SyncContext ctx, SyncEngine engine, Vertx vertx, Settings settings) {
    this.ctx = ctx;
    this.engine = engine;
    this.vertx = vertx;
    this.settings = settings;
  }

  /** One pass: runs due syncs and opens or renews push channels. Called periodically. */
  public Future<Void> tick() {
    Instant now = ctx.clock().instant();
    return ctx.states().listDue(now, MAX_DUE_PER_TICK).compose(due -> {
      // A calendar whose sync is running is still due until that sync saves its state: asking again would only make
      // it run twice. Pushes ask with request(), which does queue one more run.
      due.forEach(s -> requestIfIdle(s.connectionId(), s.calendarId()));
      return settings.callbackBase() == null ? Future.succeededFuture()
          : ctx.states().listChannelsExpiringBy(now.plus(settings.renewBefore()))
              .compose(expiring -> renewChannels(expiring, now));
    });
  }

  /**
   * A push arrived on {@code channelId} with {@code token}: true (and a sync requested) if it is one of our live
   * channels and the token matches; false otherwise (spoofed, stale or unknown), and nothing happens. Costs one
   * indexed read of the state the channel id names, whoever sent it.
   */
  @Override
  public Future<Boolean> pushed(CalendarProvider provider, String channelId, String token) {
    if (channelId == null || token == null || channelId.length() > 64 || token.length() > 256) {
      return Future.succeededFuture(false);
    }
    Opening opening = openingChannels.get(channelId);
    if (opening != null && opening.connectionId().startsWith(provider.key() + "-")
        && Secrets.matches(token, opening.secretHash())) {
      requestWithFollowUp(opening.connectionId(), opening.calendarId());
      return Future.succeededFuture(true);
    }
    return ctx.states().findByChannel(channelId).map(found -> {
      if (found.isEmpty() || found.get().channel() == null || !found.get().channel().id().equals(channelId)
          || !found.get().connectionId().startsWith(provider.key() + "-")
          || !Secrets.matches(token, found.get().channel().secretHash())) {
        return false;
      }
      requestWithFollowUp(found.get().connectionId(), found.get().calendarId());
      return true;
    });
  }

  /**
   * The sync states whose channel of {@code provider} has one of {@code resourceIds} as the service's own id (Graph's
   * subscription id), by that id; the caller checks the secret. One indexed read per id, for at most
   * {@link #MAX_LOOKUPS_PER_BATCH} of them.
   */
  public Future<Map<String, SyncState>> channelsByResourceId(CalendarProvider provider, Set<String> resourceIds) {
    List<String> looked = resourceIds.stream().filter(Objects::nonNull).limit(MAX_LOOKUPS_PER_BATCH).toList();
    List<Future<Optional<SyncState>>> reads = looked.stream().map(ctx.states()::findByChannelResource).toList();
    return Future.all(reads).map(done -> {
      Map<String, SyncState> found = new HashMap<>();
      for (int i = 0; i < looked.size(); i++) {
        reads.get(i).result().filter(s -> s.connectionId().startsWith(provider.key() + "-"))
            .ifPresent(s -> found.put(s.channel().resourceId(), s));
      }
      return found;
    });
  }

  /**
   * A push that names a channel by the service's own id, which the hub learns only when the watch call answers
   * (Graph's subscription id): true (and a sync requested) if {@code token} is the secret of a channel of
   * {@code provider} this node is opening right now. The cost is bounded by the channels being opened.
   */
  public boolean pushedWhileOpening(CalendarProvider provider, String token) {
    if (token == null || token.length() > 256) {
      return false;
    }
    for (Opening opening : openingChannels.values()) {
      if (opening.connectionId().startsWith(provider.key() + "-") && Secrets.matches(token, opening.secretHash())) {
        requestWithFollowUp(opening.connectionId(), opening.calendarId());
        return true;
      }
    }
    return false;
  }

  private void requestWithFollowUp(String connectionId, String calendarId) {
    request(connectionId, calendarId);
    vertx.setTimer(Math.max(1, settings.followUp().toMillis()), id -> request(connectionId, calendarId));
  }

  /**
   * Runs a sync of the calendar now if it is still due then (another node may have synced it since it was listed),
   * unless one is running here.
   */
  private void requestIfIdle(String connectionId, String calendarId) {
    String key = SyncState.keyOf(connectionId, calendarId);
    if (runs.putIfAbsent(key, Run.RUNNING) == null) {
      run(key, connectionId, calendarId, true);
    }
  }

  /** Runs a sync of the calendar now, or once more after the one running. */
  public void request(String connectionId, String calendarId) {
    String key = SyncState.keyOf(connectionId, calendarId);
    Run previous = runs.putIfAbsent(key, Run.RUNNING);
    if (previous != null) {
      runs.put(key, Run.AGAIN);
      return;
    }
    run(key, connectionId, calendarId, false);
  }

  /** {@code onlyIfDue} for a tick's run; a push's, and the run once more it asks for, sync whether due or not. */
  private void run(String key, String connectionId, String calendarId, boolean onlyIfDue) {
    (onlyIfDue ? engine.syncIfDue(connectionId, calendarId) : engine.sync(connectionId, calendarId))
        .onFailure(err -> LOG.warn("sync of {} {} failed: {}", connectionId, calendarId, err.getMessage()))
        .onComplete(done -> {
          if (runs.remove(key, Run.RUNNING)) {
            return;
          }
          runs.put(key, Run.RUNNING);
          run(key, connectionId, calendarId, false);
        });
  }

  /**
   * Opens or replaces the channels of {@code states} that are due one, on their connection's service. A state whose
   * channel cannot be opened now (a broken or deleted connection, a service without push, a calendar no longer
   * blocking, a watch in back-off) is deferred in the store until it can, so that it is not read again every second.
   */
  private Future<Void> renewChannels(List<SyncState> states, Instant now) {
    return connectionsOf(states).compose(byId -> {
      Future<Void> chain = Future.succeededFuture();
      for (SyncState s : states) {
        Connection c = byId.get(s.connectionId());
        Optional<PushSupport> push = c == null ? Optional.empty() : ctx.capability(c.provider(), PushSupport.class);
        boolean pushable = push.isPresent() && c.connected() && c.blockingCalendars().contains(s.calendarId());
        boolean due = s.channel() == null || !s.channel().expiresAt().minus(settings.renewBefore()).isAfter(now);
        Instant retryAt = watchRetryAt.getOrDefault(s.key(), Instant.MIN);
        if (!due) {
          // Listed by an earlier deferral, and its channel is live: back to its own renewal time.
          chain = chain.compose(v -> checkChannelAgainAt(s, s.channel().expiresAt().minus(settings.renewBefore())));
        } else if (!pushable) {
          chain = chain.compose(v -> checkChannelAgainAt(s, now.plus(CHANNEL_RECHECK)));
        } else if (retryAt.isAfter(now)) {
          chain = chain.compose(v -> checkChannelAgainAt(s, retryAt));
        } else if (opening.add(s.key())) {
          // One opening per calendar at a time: a slow watch call must not make the next tick open a second one.
          chain = chain.compose(v -> openChannel(push.get(), c, s.calendarId()).onSuccess(ok -> {
            watchFailures.remove(s.key());
            watchRetryAt.remove(s.key());
          }).recover(err -> {
            int failures = watchFailures.merge(s.key(), 1, Integer::sum);
            Duration wait = WATCH_BACKOFF.after(failures, 0, ctx.random());
            LOG.warn("opening a push channel on {} {} failed ({} in a row; next try in {}): {}", c.id(),
                s.calendarId(), failures, wait, err.getMessage());
            Instant next = ctx.clock().instant().plus(wait);
            watchRetryAt.put(s.key(), next);
            return checkChannelAgainAt(s, next);
          }).andThen(done -> opening.remove(s.key())));
        }
      }
      return chain;
    });
  }

  /** Keeps {@code s} out of the renewal reads until {@code at} (or its next save), best effort. */
  private Future<Void> checkChannelAgainAt(SyncState s, Instant at) {
    return ctx.states().deferChannelCheck(s.connectionId(), s.calendarId(), at.plus(settings.renewBefore()))
        .recover(err -> {
          LOG.debug("deferring the channel check of {} failed: {}", s.key(), err.getMessage());
          return Future.succeededFuture();
        });
  }

  /** The connections of {@code states}, by id (one read each; a deleted one is absent). */
  private Future<Map<String, Connection>> connectionsOf(List<SyncState> states) {
    List<String> ids = states.stream().map(SyncState::connectionId).distinct().toList();
    List<Future<Optional<Connection>>> reads = ids.stream().map(ctx.connections()::findById).toList();
    return Future.all(reads).map(done -> {
      Map<String, Connection> byId = new HashMap<>();
      reads.forEach(read -> read.result().ifPresent(c -> byId.put(c.id(), c)));
      return byId;
    });
  }

  private Future<Void> openChannel(PushSupport push, Connection connection, String calendarId) {
    String channelId = Ids.random();
    String secret = Ids.randomToken(32);
    String url = settings.callbackBase().replaceAll("/+$", "") + "/hooks/" + connection.provider().key();
    Instant wanted = ctx.clock().instant().plus(settings.channelLifetime());
    openingChannels.put(channelId, new Opening(connection.id(), calendarId, Secrets.sha256(secret)));
    return push.watch(ctx.grant(connection), calendarId, channelId, secret, url, wanted)
        .map(opened -> new PushChannel(opened.id(), opened.resourceId(), Secrets.sha256(secret), opened.expiresAt()))
        .compose(channel -> ctx.lock().withLock("sync:" + connection.id() + ":" + calendarId,
            () -> ctx.states().find(connection.id(), calendarId).compose(found -> {
              if (found.isEmpty()) {
                return push.stop(ctx.grant(connection), channel);
              }
              PushChannel old = found.get().channel();
              SyncState next = found.get().withChannel(channel);
              return ctx.states().save(next).compose(v -> old == null
                  ? Future.succeededFuture()
                  : push.stop(ctx.grant(connection), old)
                      .recover(err -> Future.succeededFuture()));
            })))
        .andThen(done -> openingChannels.remove(channelId));
  }

  /** Closes the channel of one calendar (best effort). */
  public Future<Void> closeChannel(Connection connection, String calendarId) {
    Optional<PushSupport> push = ctx.capability(connection.provider(), PushSupport.class);
    return ctx.states().find(connection.id(), calendarId).compose(found -> {
      if (found.isEmpty() || found.get().channel() == null || push.isEmpty()) {
        return Future.succeededFuture();
      }
      return push.get().stop(ctx.grant(connection), found.get().channel())
          .recover(err -> Future.succeededFuture());
    });
  }

  /** Closes every channel of the connection (best effort). */
  public Future<Void> closeChannels(Connection connection) {
    Future<Void> chain = Future.succeededFuture();
    for (String calendarId : connection.blockingCalendars()) {
      chain = chain.compose(v -> closeChannel(connection, calendarId));
    }
    return chain;
  }
}
