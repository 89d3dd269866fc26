package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.port.out.BookingMirrorRepository;
import dev.dovetail.sync.port.out.ConflictRepository;
import dev.dovetail.sync.port.out.ConnectionRepository;
import dev.dovetail.sync.port.out.SyncStateRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The calendar-sync stores: {@code syncConnections}, {@code syncStates}, {@code syncMirrors}, {@code syncConflicts}.
 * Mirrors change only by single-document conditional updates (request: upsert with {@code $inc}; claim: compare-and-set
 * on the values just read, like the outbox; outcome: update conditional on the lease), so hub nodes share them. Writes
 * are durable before their futures succeed.
 */
public final class MongoSyncStore {

  static final String CONNECTIONS = "syncConnections";
  static final String STATES = "syncStates";
  static final String MIRRORS = "syncMirrors";
  static final String CONFLICTS = "syncConflicts";

  private final MongoSupport mongo;

  /**
   * A provider's connections (read by every booking change, to mirror it), the mirrors due (every tick of the mirror
   * dispatcher) and a connection's, a connection's sync states, a provider's conflicts. The sync states due a sync
   * and due a channel (every second's tick of the sync scheduler), and the state a push's channel names (ADR 81).
   * Without them each of these reads every tenant's documents, and the mirrors' history grows with every booking.
   */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(CONNECTIONS, "providerId", new JsonObject().put("providerId", 1)),
        StoreIndex.secondary(MIRRORS, "pending_nextAttemptAt",
            new JsonObject().put("pending", 1).put("nextAttemptAt", 1).put("_id", 1)),
        StoreIndex.secondary(MIRRORS, "connectionId", new JsonObject().put("connectionId", 1)),
        StoreIndex.secondary(STATES, "connectionId", new JsonObject().put("connectionId", 1)),
        StoreIndex.secondary(STATES, "nextSyncAt", new JsonObject().put("nextSyncAt", 1)),
        StoreIndex.secondary(STATES, SyncCodec.CHANNEL_EXPIRES_AT,
            new JsonObject().put(SyncCodec.CHANNEL_EXPIRES_AT, 1)),
        StoreIndex.secondary(STATES, "channel.id", new JsonObject().put("channel.id", 1)),
        StoreIndex.secondary(STATES, "channel.resourceId", new JsonObject().put("channel.resourceId", 1)),
        StoreIndex.secondary(CONFLICTS, "providerId", new JsonObject().put("providerId", 1)));
  }

  MongoSyncStore(MongoSupport mongo) {
    this.mongo = mongo;
  }

  public ConnectionRepository connections() {
    return new ConnectionRepository() {
      @Override
      public Future<Void> save(Connection connection) {
        return mongo.durable(mongo.client.replaceDocumentsWithOptions(CONNECTIONS, byId(connection.id()),
            SyncCodec.encode(connection), new UpdateOptions().setUpsert(true)).mapEmpty());
      }

      @Override
      public Future<Boolean> replaceRefreshToken(String id, String expectedSealed, String newSealed, Instant now) {
        JsonObject held = byId(id).put("sealedRefreshToken", expectedSealed);
        JsonObject set = new JsonObject().put("sealedRefreshToken", newSealed);
        MongoSupport.putInstant(set, "updatedAt", now);
        return mongo.client.updateCollection(CONNECTIONS, held, new JsonObject().put("$set", set))
            .compose(result -> mongo.durable().map(result.getDocMatched() == 1));
      }

      @Override
      public Future<Optional<Connection>> findById(String id) {
        return mongo.findOne(CONNECTIONS, byId(id), SyncCodec::decodeConnection);
      }

      @Override
      public Future<List<Connection>> listByProvider(String providerId) {
        return mongo.client.find(CONNECTIONS, new JsonObject().put("providerId", providerId))
            .map(docs -> docs.stream().map(SyncCodec::decodeConnection).toList());
      }

      @Override
      public Future<Void> delete(String id) {
        return mongo.durable(mongo.client.removeDocument(CONNECTIONS, byId(id)).mapEmpty());
      }
    };
  }

  public SyncStateRepository states() {
    return new SyncStateRepository() {
      @Override
      public Future<Void> save(SyncState state) {
        return mongo.durable(mongo.client.replaceDocumentsWithOptions(STATES, byId(state.key()),
            SyncCodec.encode(state), new UpdateOptions().setUpsert(true)).mapEmpty());
      }

      @Override
      public Future<Optional<SyncState>> find(String connectionId, String calendarId) {
        return mongo.findOne(STATES, byId(SyncState.keyOf(connectionId, calendarId)), SyncCodec::decodeState);
      }

      @Override
      public Future<List<SyncState>> listDue(Instant now, int limit) {
        JsonObject due = new JsonObject().put("nextSyncAt", new JsonObject().put("$lte", now.toEpochMilli()));
        FindOptions earliest = new FindOptions().setSort(new JsonObject().put("nextSyncAt", 1)).setLimit(limit);
        return mongo.client.findWithOptions(STATES, due, earliest)
            .map(docs -> docs.stream().map(SyncCodec::decodeState).toList());
      }

      /**
       * By the derived expiry, 0 without a channel. A state written before ADR 81 lacks it until its next sync
       * rewrites it, within the engine's reconciliation interval; its channel is renewed from then on.
       */
      @Override
      public Future<List<SyncState>> listChannelsExpiringBy(Instant by) {
        return states(new JsonObject().put(SyncCodec.CHANNEL_EXPIRES_AT,
            new JsonObject().put("$lte", by.toEpochMilli())));
      }

      @Override
      public Future<Void> deferChannelCheck(String connectionId, String calendarId, Instant by) {
        JsonObject set = new JsonObject().put(SyncCodec.CHANNEL_EXPIRES_AT, by.toEpochMilli());
        return mongo.client.updateCollection(STATES, byId(SyncState.keyOf(connectionId, calendarId)),
            new JsonObject().put("$set", set)).mapEmpty();
      }

      @Override
      public Future<Optional<SyncState>> findByChannel(String channelId) {
        return mongo.findOne(STATES, new JsonObject().put("channel.id", channelId), SyncCodec::decodeState);
      }

      @Override
      public Future<Optional<SyncState>> findByChannelResource(String resourceId) {
        return mongo.findOne(STATES, new JsonObject().put("channel.resourceId", resourceId), SyncCodec::decodeState);
      }

      @Override
      public Future<List<SyncState>> listByConnection(String connectionId) {
        return states(new JsonObject().put("connectionId", connectionId));
      }

      private Future<List<SyncState>> states(JsonObject filter) {
        return mongo.client.find(STATES, filter).map(docs -> docs.stream().map(SyncCodec::decodeState).toList());
      }

      @Override
      public Future<Void> delete(String connectionId, String calendarId) {
        return mongo.durable(mongo.client.removeDocument(STATES, byId(SyncState.keyOf(connectionId, calendarId)))
            .mapEmpty());
      }

      @Override
      public Future<Void> deleteByConnection(String connectionId) {
        return mongo.durable(mongo.client.removeDocuments(STATES, new JsonObject().put("connectionId", connectionId))
            .mapEmpty());
      }
    };
  }

  public BookingMirrorRepository mirrors() {
    return new BookingMirrorRepository() {
      @Override
      public Future<Void> request(String connectionId, String bookingId, String calendarId, Instant now) {
        String key = BookingMirror.keyOf(connectionId, bookingId);
        JsonObject fresh = SyncCodec.encode(BookingMirror.requested(connectionId, bookingId, calendarId, now));
        for (String bumped : List.of("_id", "requested", "pending", "nextAttemptAt")) {
          fresh.remove(bumped);
        }
        JsonObject update = new JsonObject()
            .put("$setOnInsert", fresh)
            .put("$inc", new JsonObject().put("requested", 1L))
            .put("$set", new JsonObject().put("pending", true).put("nextAttemptAt", now.toEpochMilli()));
        return mongo.durable(mongo.client.updateCollectionWithOptions(MIRRORS, byId(key), update,
            new UpdateOptions().setUpsert(true)).mapEmpty());
      }

      @Override
      public Future<List<BookingMirror>> claimDue(Instant now, String owner, Duration lease, int limit) {
        long millis = now.toEpochMilli();
        JsonObject claimable = new JsonObject().put("pending", true)
            .put("nextAttemptAt", new JsonObject().put("$lte", millis))
            .put("leaseUntil", new JsonObject().put("$lte", millis));
        FindOptions candidates = new FindOptions()
            .setFields(new JsonObject().put("_id", 1).put("nextAttemptAt", 1).put("leaseUntil", 1))
            .setSort(new JsonObject().put("nextAttemptAt", 1).put("_id", 1)).setLimit(limit);
        JsonObject take = new JsonObject().put("$set", new JsonObject()
            .put("leaseOwner", Objects.requireNonNull(owner, "owner"))
            .put("leaseUntil", now.plus(lease).toEpochMilli()));
        return mongo.client.findWithOptions(MIRRORS, claimable, candidates).compose(docs -> {
          List<Future<JsonObject>> claims = new ArrayList<>();
          for (JsonObject doc : docs) {
            JsonObject one = byId(doc.getString("_id")).put("pending", true)
                .put("nextAttemptAt", doc.getLong("nextAttemptAt")).put("leaseUntil", doc.getLong("leaseUntil"));
            claims.add(mongo.client.findOneAndUpdateWithOptions(MIRRORS, one, take, new FindOptions(),
                new UpdateOptions().setReturningNewDocument(true)));
          }
          return Future.all(claims).map(done -> claims.stream().map(Future::result).filter(Objects::nonNull)
              .map(SyncCodec::decodeMirror).toList());
        });
      }

      @Override
      public Future<Boolean> complete(BookingMirror next, String owner) {
        JsonObject held = byId(next.key()).put("leaseOwner", Objects.requireNonNull(owner, "owner"));
        JsonObject set = new JsonObject().put("eventId", next.eventId()).put("etag", next.etag())
            .put("done", next.done()).put("attempts", next.attempts())
            .put("nextAttemptAt", next.nextAttemptAt().toEpochMilli()).put("leaseOwner", null)
            .put("leaseUntil", BookingMirror.NO_LEASE.toEpochMilli()).put("lastError", next.lastError());
        return mongo.client.updateCollection(MIRRORS, held, new JsonObject().put("$set", set))
            .compose(result -> {
              if (result.getDocMatched() != 1) {
                return Future.succeededFuture(false);
              }
              // Settled only if no change was requested meanwhile (requested still equals what was done).
              JsonObject settled = byId(next.key()).put("requested", next.done());
              return mongo.client.updateCollection(MIRRORS, settled,
                  new JsonObject().put("$set", new JsonObject().put("pending", false))).map(true);
            })
            .compose(ok -> mongo.durable().map(ok));
      }

      @Override
      public Future<Optional<BookingMirror>> find(String connectionId, String bookingId) {
        return mongo.findOne(MIRRORS, byId(BookingMirror.keyOf(connectionId, bookingId)), SyncCodec::decodeMirror);
      }

      @Override
      public Future<List<BookingMirror>> listByConnection(String connectionId) {
        return mongo.client.find(MIRRORS, new JsonObject().put("connectionId", connectionId))
            .map(docs -> docs.stream().map(SyncCodec::decodeMirror).toList());
      }

      @Override
      public Future<Void> deleteByConnection(String connectionId) {
        return mongo.durable(mongo.client.removeDocuments(MIRRORS,
            new JsonObject().put("connectionId", connectionId)).mapEmpty());
      }
    };
  }

  public ConflictRepository conflicts() {
    return new ConflictRepository() {
      @Override
      public Future<Boolean> flag(BookingConflict conflict) {
        return mongo.client.insert(CONFLICTS, SyncCodec.encode(conflict)).map(true)
            .recover(err -> !MongoSupport.isDuplicateKey(err) ? Future.failedFuture(err)
                : find(conflict.bookingId()).compose(current -> {
                  List<BookingConflict.EventSpan> events = new ArrayList<>(
                      current.map(BookingConflict::events).orElse(List.of()));
                  for (BookingConflict.EventSpan e : conflict.events()) {
                    events.removeIf(old -> old.eventKey().equals(e.eventKey()));
                    events.add(e);
                  }
                  return mongo.client.updateCollection(CONFLICTS, byId(conflict.bookingId()), new JsonObject()
                      .put("$set", new JsonObject().put("events", SyncCodec.events(events)))).map(false);
                }))
            .compose(isNew -> mongo.durable().map(isNew));
      }

      @Override
      public Future<Optional<BookingConflict>> find(String bookingId) {
        return mongo.findOne(CONFLICTS, byId(bookingId), SyncCodec::decodeConflict);
      }

      @Override
      public Future<List<BookingConflict>> listByProvider(String providerId) {
        return mongo.client.find(CONFLICTS, new JsonObject().put("providerId", providerId))
            .map(docs -> docs.stream().map(SyncCodec::decodeConflict).toList());
      }

      @Override
      public Future<Void> clear(String bookingId) {
        return mongo.durable(mongo.client.removeDocument(CONFLICTS, byId(bookingId)).mapEmpty());
      }
    };
  }
}
