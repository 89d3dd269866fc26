package dev.dovetail.sync.testkit;

import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.port.out.BookingMirrorRepository;
import dev.dovetail.sync.port.out.ConflictRepository;
import dev.dovetail.sync.port.out.ConnectionRepository;
import dev.dovetail.sync.port.out.SyncStateRepository;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Reference adapters of the sync stores, with the same single-document semantics as the MongoDB ones. */
public final class InMemorySyncStore {

  private InMemorySyncStore() {}

  public static final class Connections implements ConnectionRepository {
    private final Map<String, Connection> byId = new ConcurrentHashMap<>();

    @Override
    public Future<Void> save(Connection connection) {
      byId.put(connection.id(), connection);
      return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> replaceRefreshToken(String id, String expectedSealed, String newSealed, Instant now) {
      boolean[] replaced = {false};
      byId.computeIfPresent(id, (key, current) -> {
        if (!current.sealedRefreshToken().equals(expectedSealed)) {
          return current;
        }
        replaced[0] = true;
        return current.withRefreshToken(newSealed, now);
      });
      return Future.succeededFuture(replaced[0]);
    }

    @Override
    public Future<Optional<Connection>> findById(String id) {
      return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Future<List<Connection>> listByProvider(String providerId) {
      return Future.succeededFuture(byId.values().stream().filter(c -> c.providerId().equals(providerId))
          .sorted(Comparator.comparing(Connection::id)).toList());
    }

    @Override
    public Future<Void> delete(String id) {
      byId.remove(id);
      return Future.succeededFuture();
    }
  }

  public static final class States implements SyncStateRepository {
    private final Map<String, SyncState> byKey = new ConcurrentHashMap<>();
    private final Map<String, Instant> deferred = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger listed = new AtomicInteger();

    /** How many single states were looked up (by key or by channel): what a push's cost bound counts. */
    public int lookups() {
      return lookups.get();
    }

    /** How many states the list reads returned in all: what a tick's cost bound counts. */
    public int listed() {
      return listed.get();
    }

    @Override
    public Future<Void> save(SyncState state) {
      byKey.put(state.key(), state);
      deferred.remove(state.key());
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> deferChannelCheck(String connectionId, String calendarId, Instant by) {
      String key = SyncState.keyOf(connectionId, calendarId);
      if (byKey.containsKey(key)) {
        deferred.put(key, by);
      }
      return Future.succeededFuture();
    }

    @Override
    public Future<Optional<SyncState>> find(String connectionId, String calendarId) {
      lookups.incrementAndGet();
      return Future.succeededFuture(Optional.ofNullable(byKey.get(SyncState.keyOf(connectionId, calendarId))));
    }

    @Override
    public Future<List<SyncState>> listDue(Instant now, int limit) {
      List<SyncState> due = byKey.values().stream().filter(s -> !s.nextSyncAt().isAfter(now))
          .sorted(Comparator.comparing(SyncState::nextSyncAt)).limit(limit).toList();
      listed.addAndGet(due.size());
      return Future.succeededFuture(due);
    }

    @Override
    public Future<List<SyncState>> listChannelsExpiringBy(Instant by) {
      return list(s -> deferred.containsKey(s.key()) ? !deferred.get(s.key()).isAfter(by)
          : s.channel() == null || !s.channel().expiresAt().isAfter(by));
    }

    @Override
    public Future<Optional<SyncState>> findByChannel(String channelId) {
      return lookup(s -> s.channel() != null && s.channel().id().equals(channelId));
    }

    @Override
    public Future<Optional<SyncState>> findByChannelResource(String resourceId) {
      return lookup(s -> s.channel() != null && resourceId.equals(s.channel().resourceId()));
    }

    @Override
    public Future<List<SyncState>> listByConnection(String connectionId) {
      return list(s -> s.connectionId().equals(connectionId));
    }

    private Future<Optional<SyncState>> lookup(Predicate<SyncState> wanted) {
      lookups.incrementAndGet();
      return Future.succeededFuture(byKey.values().stream().filter(wanted).findFirst());
    }

    private Future<List<SyncState>> list(Predicate<SyncState> wanted) {
      List<SyncState> found = byKey.values().stream().filter(wanted).sorted(Comparator.comparing(SyncState::key))
          .toList();
      listed.addAndGet(found.size());
      return Future.succeededFuture(found);
    }

    @Override
    public Future<Void> delete(String connectionId, String calendarId) {
      byKey.remove(SyncState.keyOf(connectionId, calendarId));
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> deleteByConnection(String connectionId) {
      byKey.values().removeIf(s -> s.connectionId().equals(connectionId));
      return Future.succeededFuture();
    }
  }

  public static final class Mirrors implements BookingMirrorRepository {
    private final Map<String, BookingMirror> byKey = new LinkedHashMap<>();

    @Override
    public synchronized Future<Void> request(String connectionId, String bookingId, String calendarId, Instant now) {
      String key = BookingMirror.keyOf(connectionId, bookingId);
      BookingMirror current = byKey.get(key);
      byKey.put(key, current == null
          ? BookingMirror.requested(connectionId, bookingId, calendarId, now)
          : new BookingMirror(connectionId, bookingId, current.calendarId(), current.eventId(), current.etag(),
              current.requested() + 1, current.done(), current.attempts(), now, current.leaseOwner(),
              current.leaseUntil(), current.lastError(), current.createdAt()));
      return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<BookingMirror>> claimDue(
        Instant now, String owner, Duration lease, int limit) {
      List<BookingMirror> taken = new ArrayList<>();
      List<BookingMirror> due = byKey.values().stream().filter(m -> m.claimableAt(now))
          .sorted(Comparator.comparing(BookingMirror::nextAttemptAt)).limit(limit).toList();
      for (BookingMirror m : due) {
        BookingMirror leased = m.leased(owner, now.plus(lease));
        byKey.put(m.key(), leased);
        taken.add(leased);
      }
      return Future.succeededFuture(taken);
    }

    @Override
    public synchronized Future<Boolean> complete(BookingMirror next, String owner) {
      BookingMirror current = byKey.get(next.key());
      if (current == null || !owner.equals(current.leaseOwner())) {
        return Future.succeededFuture(false);
      }
      byKey.put(next.key(), new BookingMirror(next.connectionId(), next.bookingId(), next.calendarId(),
          next.eventId(), next.etag(), Math.max(current.requested(), next.requested()), next.done(),
          next.attempts(), current.requested() > next.requested() ? current.nextAttemptAt() : next.nextAttemptAt(),
          null, BookingMirror.NO_LEASE, next.lastError(), next.createdAt()));
      return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Optional<BookingMirror>> find(String connectionId, String bookingId) {
      return Future.succeededFuture(Optional.ofNullable(byKey.get(BookingMirror.keyOf(connectionId, bookingId))));
    }

    @Override
    public synchronized Future<List<BookingMirror>> listByConnection(String connectionId) {
      return Future.succeededFuture(
          byKey.values().stream().filter(m -> m.connectionId().equals(connectionId)).toList());
    }

    @Override
    public synchronized Future<Void> deleteByConnection(String connectionId) {
      byKey.values().removeIf(m -> m.connectionId().equals(connectionId));
      return Future.succeededFuture();
    }
  }

  public static final class Conflicts implements ConflictRepository {
    private final Map<String, BookingConflict> byBooking = new ConcurrentHashMap<>();

    @Override
    public synchronized Future<Boolean> flag(BookingConflict conflict) {
      BookingConflict current = byBooking.get(conflict.bookingId());
      if (current == null) {
        byBooking.put(conflict.bookingId(), conflict);
        return Future.succeededFuture(true);
      }
      List<BookingConflict.EventSpan> events = new ArrayList<>(current.events());
      for (BookingConflict.EventSpan e : conflict.events()) {
        events.removeIf(old -> old.eventKey().equals(e.eventKey()));
        events.add(e);
      }
      byBooking.put(conflict.bookingId(), new BookingConflict(current.bookingId(), current.providerId(),
          current.resourceId(), events, current.detectedAt()));
      return Future.succeededFuture(false);
    }

    @Override
    public Future<Optional<BookingConflict>> find(String bookingId) {
      return Future.succeededFuture(Optional.ofNullable(byBooking.get(bookingId)));
    }

    @Override
    public Future<List<BookingConflict>> listByProvider(String providerId) {
      return Future.succeededFuture(byBooking.values().stream().filter(c -> c.providerId().equals(providerId))
          .sorted(Comparator.comparing(BookingConflict::bookingId)).toList());
    }

    @Override
    public Future<Void> clear(String bookingId) {
      byBooking.remove(bookingId);
      return Future.succeededFuture();
    }
  }
}
