package dev.dovetail.sync.testkit;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.ExternalChange;
import dev.dovetail.sync.domain.ExternalEvent;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.domain.ShowAs;
import dev.dovetail.sync.domain.Spans;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.FreeBusySupport;
import dev.dovetail.sync.port.out.PushSupport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reference connector: a stateful external calendar service in memory, with per-calendar change sequences, sync tokens
 * that can be invalidated, etags on every write, tombstones, and a knob to fail the next calls. Events are timed and
 * single (no recurrence). It passes {@code CalendarConnectorContract}, like the real connectors against their emulators.
 */
public final class InMemoryCalendarConnector
    implements CalendarConnector, PushSupport, FreeBusySupport, ExternalSide {

  private record Event(String id, TimeRange time, boolean busy, String etag, long seq, boolean deleted,
      Instant modified) {}

  private static final class Calendar {
    final Map<String, Event> events = new LinkedHashMap<>();
    long seq;
    int epoch;
  }

  private final CalendarProvider provider;
  private final TreeMap<String, Calendar> calendars = new TreeMap<>();
  private final List<Supplier<RuntimeException>> failures = new ArrayList<>();
  private long etags;
  private java.time.Clock modificationClock;
  private Promise<Void> held;
  private int changeRounds;

  public InMemoryCalendarConnector(CalendarProvider provider, String... calendarIds) {
    this.provider = provider;
    for (String id : calendarIds) {
      calendars.put(id, new Calendar());
    }
  }

  /** From now on, events carry the time they were last modified on this clock (as Google and Graph report it). */
  public synchronized void stampModifications(java.time.Clock clock) {
    modificationClock = clock;
  }

  /** Every push channel request is refused (as a service refuses a non-https address) while on. */
  public synchronized void refuseWatches(boolean refuse) {
    refuseWatches = refuse;
  }

  /** How many push channels were asked for. */
  public synchronized int watchCalls() {
    return watchCalls;
  }

  /**
   * Called with the channel id and secret of every channel asked for, before the watch call answers: a service may
   * push on a channel (its {@code sync} message, or a change) before the hub has learnt it was opened.
   */
  public synchronized void beforeWatchAnswers(java.util.function.BiConsumer<String, String> pushEarly) {
    this.pushEarly = pushEarly;
  }

  private boolean refuseWatches;
  private int watchCalls;
  private java.util.function.BiConsumer<String, String> pushEarly = (channelId, secret) -> {};

  /** The next {@code times} calls of the port fail with what {@code failure} makes. */
  public synchronized void failNext(int times, Supplier<RuntimeException> failure) {
    for (int i = 0; i < times; i++) {
      failures.add(failure);
    }
  }

  @Override
  public CalendarProvider provider() {
    return provider;
  }

  @Override
  public synchronized Future<List<ExternalCalendar>> calendars(Grant grant) {
    return guarded(() -> calendars.keySet().stream()
        .map(id -> new ExternalCalendar(id, "Calendar " + id, id.equals(calendars.firstKey()), true)).toList());
  }

  /**
   * The next change round answers only when the returned promise completes (a slow service), and every round is
   * counted ({@link #changeRounds}).
   */
  public synchronized Promise<Void> holdNextChanges() {
    held = Promise.promise();
    return held;
  }

  /** How many change rounds were asked for. */
  public synchronized int changeRounds() {
    return changeRounds;
  }

  @Override
  public synchronized Future<ChangeSet> changes(Grant grant, String calendarId, String token) {
    changeRounds++;
    Promise<Void> hold = held;
    held = null;
    if (hold != null) {
      return hold.future().compose(v -> answerChanges(calendarId, token));
    }
    return answerChanges(calendarId, token);
  }

  private synchronized Future<ChangeSet> answerChanges(String calendarId, String token) {
    return guarded(() -> {
      Calendar cal = calendar(calendarId);
      long since = 0;
      if (token != null) {
        String[] parts = token.split("@");
        if (parts.length != 2 || Integer.parseInt(parts[1]) != cal.epoch) {
          throw new ConnectorException.SyncTokenExpired("sync token expired", null);
        }
        since = Long.parseLong(parts[0]);
      }
      List<ExternalChange> changes = new ArrayList<>();
      List<Instant> changedAt = new ArrayList<>();
      for (Event e : cal.events.values()) {
        if (token == null && e.deleted()) {
          continue;
        }
        if (e.seq() > since) {
          changes.add(e.deleted()
              ? new ExternalChange.Removed(calendarId, e.id(), null)
              : new ExternalChange.Upserted(ExternalEvent.timed(calendarId, e.id(), "", e.etag(), e.time(),
                  e.busy() ? ShowAs.BUSY : ShowAs.FREE)));
          if (e.modified() != null) {
            changedAt.add(e.modified());
          }
        }
      }
      return new ChangeSet(changes, cal.seq + "@" + cal.epoch, token == null, changedAt);
    });
  }

  @Override
  public synchronized Future<Optional<WrittenEvent>> find(Grant grant, String calendarId, String eventId) {
    return guarded(() -> {
      Event e = calendar(calendarId).events.get(eventId);
      return e == null || e.deleted() ? Optional.<WrittenEvent>empty()
          : Optional.of(new WrittenEvent(e.id(), e.etag()));
    });
  }

  @Override
  public synchronized Future<WrittenEvent> create(Grant grant, String calendarId, OutboundEvent event) {
    return guarded(() -> put(calendarId, event.proposedId(), event.time(), true));
  }

  @Override
  public synchronized Future<WrittenEvent> update(
      Grant grant, String calendarId, String eventId, String etag, OutboundEvent event) {
    return guarded(() -> {
      Event e = calendar(calendarId).events.get(eventId);
      if (e == null || e.deleted() || (etag != null && !etag.equals(e.etag()))) {
        throw new ConnectorException.EtagMismatch("precondition failed", null);
      }
      return put(calendarId, eventId, event.time(), true);
    });
  }

  @Override
  public synchronized Future<Void> delete(Grant grant, String calendarId, String eventId, String etag) {
    return guarded(() -> {
      Event e = calendar(calendarId).events.get(eventId);
      if (e == null || e.deleted()) {
        return null;
      }
      if (etag != null && !etag.equals(e.etag())) {
        throw new ConnectorException.EtagMismatch("precondition failed", null);
      }
      remove(calendarId, eventId);
      return null;
    });
  }

  @Override
  public synchronized Future<List<TimeRange>> busy(Grant grant, List<String> calendarIds, TimeRange window) {
    return guarded(() -> {
      List<TimeRange> busy = new ArrayList<>();
      for (String id : calendarIds) {
        for (Event e : calendar(id).events.values()) {
          if (!e.deleted() && e.busy() && e.time().overlaps(window)) {
            Instant start = e.time().start().isBefore(window.start()) ? window.start() : e.time().start();
            Instant end = e.time().end().isAfter(window.end()) ? window.end() : e.time().end();
            busy.add(new TimeRange(start, end));
          }
        }
      }
      return Spans.union(busy);
    });
  }

  @Override
  public synchronized Future<PushChannel> watch(Grant grant, String calendarId, String channelId, String secret,
      String callbackUrl, Instant requestedExpiry) {
    watchCalls++;
    if (refuseWatches) {
      return Future.failedFuture(new ConnectorException.Rejected("push.webhookUrlNotHttps", null));
    }
    pushEarly.accept(channelId, secret);
    return guarded(() -> new PushChannel(channelId, "res-" + calendarId, "", requestedExpiry));
  }

  @Override
  public Future<Void> stop(Grant grant, PushChannel channel) {
    return Future.succeededFuture();
  }

  // ExternalSide: the provider acting in their own calendar.

  @Override
  public synchronized String create(String calendarId, TimeRange time, boolean busy) {
    String id = "ev" + Ids.random().substring(0, 12);
    put(calendarId, id, time, busy);
    return id;
  }

  @Override
  public synchronized void move(String calendarId, String eventId, TimeRange time) {
    Event e = calendar(calendarId).events.get(eventId);
    put(calendarId, eventId, time, e == null || e.busy());
  }

  @Override
  public synchronized void delete(String calendarId, String eventId) {
    remove(calendarId, eventId);
  }

  @Override
  public synchronized Map<String, TimeRange> events(String calendarId) {
    Map<String, TimeRange> live = new LinkedHashMap<>();
    calendar(calendarId).events.values().stream().filter(e -> !e.deleted()).forEach(e -> live.put(e.id(), e.time()));
    return live;
  }

  /** Whether the live event blocks time (opaque) rather than showing it free. */
  public synchronized boolean isBusy(String calendarId, String eventId) {
    Event e = calendar(calendarId).events.get(eventId);
    return e != null && !e.deleted() && e.busy();
  }

  @Override
  public synchronized void invalidateTokens(String calendarId) {
    calendar(calendarId).epoch++;
  }

  private WrittenEvent put(String calendarId, String id, TimeRange time, boolean busy) {
    Calendar cal = calendar(calendarId);
    String etag = "\"" + (++etags) + "\"";
    cal.events.remove(id);
    cal.events.put(id, new Event(id, time, busy, etag, ++cal.seq, false, modifiedNow()));
    return new WrittenEvent(id, etag);
  }

  private Instant modifiedNow() {
    return modificationClock == null ? null : modificationClock.instant();
  }

  private void remove(String calendarId, String id) {
    Calendar cal = calendar(calendarId);
    Event e = cal.events.remove(id);
    if (e != null && !e.deleted()) {
      cal.events.put(id, new Event(id, e.time(), e.busy(), "\"" + (++etags) + "\"", ++cal.seq, true, modifiedNow()));
    }
  }

  private Calendar calendar(String id) {
    Calendar cal = calendars.get(id);
    if (cal == null) {
      throw new ConnectorException.Rejected("calendar not found: " + id, null);
    }
    return cal;
  }

  private <T> Future<T> guarded(Supplier<T> call) {
    if (!failures.isEmpty()) {
      return Future.failedFuture(failures.remove(0).get());
    }
    try {
      return Future.succeededFuture(call.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
