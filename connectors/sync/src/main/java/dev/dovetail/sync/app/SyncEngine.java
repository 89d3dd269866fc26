package dev.dovetail.sync.app;

import dev.dovetail.booking.app.ScheduleWriter;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalBusyTime;
import dev.dovetail.sync.domain.ExternalChange;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundIds;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.SyncLagRecorder;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound sync of one external calendar: reads the changes since the stored token (a full read when there is none or
 * the service refused it), applies them to the schedule of every resource the calendar blocks (under {@code
 * ResourceLock} and the schedule's compare-and-set, see {@link ExternalBusyTime}), flags bookings that events landed
 * on, announces freed time, then stores the next token. Two syncs of one calendar never interleave: they hold the lock
 * {@code sync:<connection>:<calendar>}. Failures are recorded in the sync state with a backoff, never thrown past it.
 */
public final class SyncEngine {

  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

  /** How one run ended. */
  public enum Outcome {
    SYNCED,
    SKIPPED,
    RETRY_LATER,
    BROKEN
  }

  /** One run: how it ended, how many changes it applied, whether it was a full read. */
  public record Report(Outcome outcome, int changes, boolean full) {}

  private final SyncContext ctx;
  private final ScheduleWriter writer;
  private final BusyPolicy policy;
  private final Duration reconcileEvery;
  private final SyncLagRecorder lag;

  public SyncEngine(SyncContext ctx, FreedTime freedTime, BusyPolicy policy, Duration reconcileEvery) {
    this(ctx, freedTime, policy, reconcileEvery, SyncLagRecorder.none());
  }

  public SyncEngine(SyncContext ctx, FreedTime freedTime, BusyPolicy policy, Duration reconcileEvery,
      SyncLagRecorder lag) {
    this.ctx = ctx;
    this.lag = lag;
    this.writer = new ScheduleWriter(ctx.lock(), ctx.schedules(), freedTime, (resourceId, failure) ->
        LOG.warn("announcing freed time of {} failed: {}", resourceId, failure.getMessage()));
    this.policy = policy;
    this.reconcileEvery = reconcileEvery;
  }

  public Duration reconcileEvery() {
    return reconcileEvery;
  }

  public Future<Report> sync(String connectionId, String calendarId) {
    return sync(connectionId, calendarId, false);
  }

  /**
   * Like {@link #sync}, but skipped if the calendar is no longer due once its lock is had: every node's tick lists the
   * same due calendars, and without this each node after the first would ask the service again for nothing (one more
   * call against the provider's quota per node and reconciliation).
   */
  public Future<Report> syncIfDue(String connectionId, String calendarId) {
    return sync(connectionId, calendarId, true);
  }

  private Future<Report> sync(String connectionId, String calendarId, boolean onlyIfDue) {
    return ctx.lock().withLock("sync:" + connectionId + ":" + calendarId,
        () -> ctx.connections().findById(connectionId).compose(found -> {
          if (found.isEmpty() || !found.get().blockingCalendars().contains(calendarId)) {
            return Future.succeededFuture(new Report(Outcome.SKIPPED, 0, false));
          }
          if (!found.get().connected()) {
            // Broken: nothing to read until the provider connects again (which makes the calendar due at once).
            return ctx.states().find(connectionId, calendarId).compose(state -> state.isEmpty()
                    ? Future.succeededFuture()
                    : ctx.states().save(state.get().dueAt(ctx.clock().instant().plus(reconcileEvery))))
                .map(new Report(Outcome.SKIPPED, 0, false));
          }
          return ctx.states().find(connectionId, calendarId).compose(state -> {
            if (onlyIfDue && state.isPresent() && state.get().nextSyncAt().isAfter(ctx.clock().instant())) {
              return Future.succeededFuture(new Report(Outcome.SKIPPED, 0, false));
            }
            return syncLocked(found.get(), state.orElse(
                SyncState.initial(connectionId, calendarId, ctx.clock().instant())), calendarId);
          });
        }));
  }

  private Future<Report> syncLocked(Connection connection, SyncState state, String calendarId) {
    CalendarConnector connector;
    Grant grant;
    try {
      connector = ctx.connector(connection.provider());
      grant = ctx.grant(connection);
    } catch (RuntimeException e) {
      return failed(connection, state, e);
    }
    return connector.changes(grant, calendarId, state.token())
        .recover(err -> {
          if (err instanceof ConnectorException.SyncTokenExpired && state.token() != null) {
            LOG.info("sync token of {} {} expired: full resync", connection.id(), calendarId);
            return connector.changes(grant, calendarId, null);
          }
          return Future.failedFuture(err);
        })
        .compose(changes -> ownEvents(connection.id())
            .compose(own -> applyToResources(connection, calendarId, changes, own.keySet())
                .compose(v -> restoreTampered(connection, calendarId, changes, own)))
            .compose(v -> {
              Instant now = ctx.clock().instant();
              recordLag(connection.provider(), changes, now);
              return ctx.states().save(state.synced(changes.nextToken(), now, now.plus(reconcileEvery)));
            })
            .map(v -> new Report(Outcome.SYNCED, changes.changes().size(), changes.full())))
        .recover(err -> failed(connection, state, err));
  }

  /**
   * The lag of each change this read brought, now that its busy time is written. A full listing is left out: it
   * re-reads old events (first sync, lost token), whose modification times say nothing about the sync's speed.
   */
  private void recordLag(CalendarProvider provider, ChangeSet changes, Instant applied) {
    if (changes.full()) {
      return;
    }
    for (Instant changedAt : changes.changedAt()) {
      lag.changeApplied(provider, changedAt.isAfter(applied) ? Duration.ZERO : Duration.between(changedAt, applied));
    }
  }

  /** The events the hub wrote (or is writing) into this connection's calendars, by event id. */
  private Future<Map<String, BookingMirror>> ownEvents(String connectionId) {
    return ctx.mirrors().listByConnection(connectionId).map(mirrors -> {
      Map<String, BookingMirror> own = new HashMap<>();
      for (BookingMirror m : mirrors) {
        own.put(OutboundIds.proposedId(connectionId, m.bookingId()), m);
        if (m.eventId() != null) {
          own.put(m.eventId(), m);
        }
      }
      return own;
    });
  }

  /**
   * An event the hub wrote that was changed or deleted in the external calendar (its etag is not the one the hub got):
   * the booking is the truth, so its mirror is requested again and the writer puts the event back. The hub's own
   * writes come back with the etag it stored and are left alone (no loop).
   */
  private Future<Void> restoreTampered(
      Connection connection, String calendarId, ChangeSet changes, Map<String, BookingMirror> own) {
    Set<String> again = new HashSet<>();
    if (changes.full()) {
      // A full listing does not mention deleted events: an own event missing from it was deleted outside.
      Set<String> listed = new HashSet<>();
      changes.changes().forEach(c -> listed.add(c.eventId()));
      for (BookingMirror m : own.values()) {
        if (m.eventId() != null && m.calendarId().equals(calendarId) && !listed.contains(m.eventId())) {
          again.add(m.bookingId());
        }
      }
    }
    for (ExternalChange change : changes.changes()) {
      BookingMirror mirror = own.get(change.eventId());
      if (mirror == null || mirror.eventId() == null || !mirror.calendarId().equals(change.calendarId())) {
        continue;
      }
      boolean tampered = change instanceof ExternalChange.Removed
          || !Objects.equals(((ExternalChange.Upserted) change).event().etag(), mirror.etag());
      if (tampered) {
        again.add(mirror.bookingId());
      }
    }
    Future<Void> chain = Future.succeededFuture();
    for (String bookingId : again) {
      chain = chain.compose(v -> ctx.mirrors().request(connection.id(), bookingId,
          own.values().stream().filter(m -> m.bookingId().equals(bookingId)).findFirst().orElseThrow().calendarId(),
          ctx.clock().instant()));
    }
    return chain;
  }

  private Future<Void> applyToResources(
      Connection connection, String calendarId, ChangeSet changes, Set<String> own) {
    Future<Void> chain = Future.succeededFuture();
    for (String resourceId : connection.blocking().getOrDefault(calendarId, Set.of())) {
      chain = chain.compose(v -> ctx.resources().findById(resourceId).compose(resource -> {
        if (resource.isEmpty() || !resource.get().providerId().equals(connection.providerId())) {
          return Future.succeededFuture();
        }
        return applyToResource(connection, calendarId, changes, own, resource.get());
      }));
    }
    return chain;
  }

  private Future<Void> applyToResource(
      Connection connection, String calendarId, ChangeSet changes, Set<String> own, Resource resource) {
    AtomicReference<ExternalBusyTime.Outcome> outcome = new AtomicReference<>();
    return writer.write(resource.id(), () -> writer.schedules().update(resource.id(), schedule -> {
          ExternalBusyTime.Outcome applied = ExternalBusyTime.apply(schedule, connection.provider(), calendarId,
              resource.zone(), changes, own::contains, policy, ctx.clock().instant());
          outcome.set(applied);
          return applied.schedule();
        }).map(written -> new ScheduleWriter.Written<>(outcome.get(), outcome.get().freed())))
        .compose(applied -> flagConflicts(connection, resource, applied.overlaps()));
  }

  private Future<Void> flagConflicts(
      Connection connection, Resource resource, List<ExternalBusyTime.Overlap> overlaps) {
    Map<String, List<BookingConflict.EventSpan>> byBooking = new LinkedHashMap<>();
    for (ExternalBusyTime.Overlap o : overlaps) {
      byBooking.computeIfAbsent(o.bookingId(), k -> new ArrayList<>())
          .add(new BookingConflict.EventSpan(o.eventKey(), o.eventSpan()));
    }
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, List<BookingConflict.EventSpan>> e : byBooking.entrySet()) {
      BookingConflict conflict = new BookingConflict(
          e.getKey(), connection.providerId(), resource.id(), e.getValue(), ctx.clock().instant());
      chain = chain.compose(v -> ctx.conflicts().flag(conflict))
          .compose(isNew -> isNew ? ctx.notices().bookingConflict(conflict) : Future.succeededFuture());
    }
    return chain;
  }

  private Future<Report> failed(Connection connection, SyncState state, Throwable err) {
    Instant now = ctx.clock().instant();
    if (err instanceof ConnectorException.AuthorizationRevoked) {
      return ctx.markBroken(connection.id(), err.getMessage())
          .compose(v -> ctx.states().save(state.failed(err.getMessage(), now.plus(reconcileEvery))))
          .map(v -> new Report(Outcome.BROKEN, 0, false));
    }
    long asked = err instanceof ConnectorException.RateLimited limited ? limited.retryAfterMillis() : 0;
    Duration wait = ctx.backoff().after(state.failures() + 1, asked, ctx.random());
    LOG.info("sync of {} {} failed ({}); retry in {}", connection.id(), state.calendarId(), describe(err), wait);
    return ctx.states().save(state.failed(describe(err), now.plus(wait)))
        .map(v -> new Report(Outcome.RETRY_LATER, 0, false));
  }

  static String describe(Throwable err) {
    String name = err.getClass().getSimpleName();
    return err.getMessage() == null ? name : name + ": " + err.getMessage();
  }

  /** Removes every block of {@code calendarId} from the resources it blocked (the provider unchose it). */
  public Future<Void> forget(Connection connection, String calendarId, Set<String> resourceIds) {
    ChangeSet nothing = new ChangeSet(List.of(), "", true);
    Future<Void> chain = Future.succeededFuture();
    for (String resourceId : resourceIds) {
      chain = chain.compose(v -> ctx.resources().findById(resourceId).compose((Optional<Resource> resource) ->
          resource.isEmpty()
              ? Future.succeededFuture()
              : applyToResource(connection, calendarId, nothing, Set.of(), resource.get())));
    }
    return chain;
  }
}
