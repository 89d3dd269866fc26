package dev.dovetail.outlook;

import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncScheduler;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.port.out.PushSupport;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Graph notification batch does, persist first, process after (ADR 13). A notification is matched to the
 * synced calendar whose push channel has its subscription id, and kept only if its clientState opens that channel's
 * secret hash (spoofed ones are dropped). Persisting means marking the calendar's sync state due now (and, for {@code
 * subscriptionRemoved} / {@code reauthorizationRequired}, dropping the channel so the scheduler opens a new one), under
 * the calendar's sync lock; once every mark is written the receiver answers 202. Processing is a sync request to the
 * scheduler (with its follow-up run for notifications that arrive before their change is readable). A crash
 * between the two loses nothing: the scheduler's next tick finds the calendar due. {@code missed} needs nothing more
 * than a delta round from the last token, which catches every change since. A change notification can come before
 * the subscription's create call has answered and its id is stored; its clientState then names the channel the
 * scheduler is opening ({@link SyncScheduler#pushedWhileOpening}). Subscription ids are looked up by the store's index
 * of them ({@link SyncScheduler#channelsByResourceId}), at most {@link SyncScheduler#MAX_LOOKUPS_PER_BATCH} per batch:
 * a batch of made-up ids costs a bounded number of indexed reads, never a read of every sync state.
 */
public final class GraphPushes implements GraphNotificationHandler.Sink {

  private static final Logger LOG = LoggerFactory.getLogger(GraphPushes.class);

  private final SyncContext ctx;
  private final SyncScheduler scheduler;
  private final AtomicLong ignored = new AtomicLong();

  public GraphPushes(SyncContext ctx, SyncScheduler scheduler) {
    this.ctx = ctx;
    this.scheduler = scheduler;
  }

  /** Notifications dropped because no live channel matched or the clientState was wrong. */
  public long ignored() {
    return ignored.get();
  }

  private record Target(SyncState state, String clientState, boolean channelLost) {
  }

  @Override
  public Future<Void> received(List<GraphNotification> batch) {
    Set<String> subscriptions = new HashSet<>();
    batch.forEach(n -> subscriptions.add(n.subscriptionId()));
    // One indexed read per distinct id, for a bounded number of them: anyone can send a batch.
    return scheduler.channelsByResourceId(CalendarProvider.OUTLOOK, subscriptions).compose(bySubscription -> {
      Map<String, Target> targets = new LinkedHashMap<>();
      for (GraphNotification n : batch) {
        SyncState s = bySubscription.get(n.subscriptionId());
        if (s == null && !n.isLifecycle() && scheduler.pushedWhileOpening(CalendarProvider.OUTLOOK, n.clientState())) {
          // A change on a subscription whose create call has not answered yet (its id is not stored): the scheduler
          // knows the channel being opened by its secret and syncs the calendar.
          continue;
        }
        if (s == null || !n.hasSecret(s.channel().secretHash())) {
          ignored.incrementAndGet();
          LOG.debug("ignored a Graph notification for subscription {}", n.subscriptionId());
          continue;
        }
        boolean lost = "subscriptionRemoved".equals(n.lifecycleEvent())
            || "reauthorizationRequired".equals(n.lifecycleEvent());
        Target known = targets.get(s.key());
        targets.put(s.key(), new Target(s, n.clientState(), lost || known != null && known.channelLost));
      }
      List<Future<Void>> marks = new ArrayList<>();
      for (Target t : targets.values()) {
        marks.add(persist(t));
      }
      return Future.all(marks).onSuccess(v -> targets.values().forEach(this::process)).mapEmpty();
    });
  }

  private Future<Void> persist(Target t) {
    String connectionId = t.state.connectionId();
    String calendarId = t.state.calendarId();
    PushChannel channel = t.state.channel();
    return ctx.lock().withLock("sync:" + connectionId + ":" + calendarId,
        () -> ctx.states().find(connectionId, calendarId).compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture();
          }
          SyncState next = found.get().dueAt(ctx.clock().instant());
          if (t.channelLost && next.channel() != null && next.channel().id().equals(channel.id())) {
            next = next.withChannel(null);
          }
          return ctx.states().save(next);
        }));
  }

  private void process(Target t) {
    if (t.channelLost) {
      LOG.info("Graph subscription {} of {} needs replacing: a new one opens on the next tick",
          t.state.channel().resourceId(), t.state.connectionId());
      scheduler.request(t.state.connectionId(), t.state.calendarId());
      Optional<PushSupport> push = ctx.capability(CalendarProvider.OUTLOOK, PushSupport.class);
      ctx.connections().findById(t.state.connectionId())
          .compose(c -> c.isEmpty() || push.isEmpty() ? Future.succeededFuture()
              : push.get().stop(ctx.grant(c.get()), t.state.channel()))
          .onFailure(err -> LOG.debug("closing the old subscription failed: {}", err.getMessage()));
      return;
    }
    scheduler.pushed(CalendarProvider.OUTLOOK, t.state.channel().id(), t.clientState);
  }
}
