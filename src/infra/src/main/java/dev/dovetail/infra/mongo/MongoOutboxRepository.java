package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.out.StoreDurability;
import dev.dovetail.notification.domain.LogView;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.OutboxRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The outbox in the {@code outbox} collection, keyed by the message's deterministic id. A claim is a conditional
 * {@code findOneAndUpdate} on one document (compare-and-set on the state, due time and lease a query for claimable
 * messages just read → set owner and lease), which both MongoDB and the embedded server apply atomically; an outcome
 * is a {@code replace} conditional on the message still being pending and leased to the caller. Recording and
 * outcomes are durable (commit-after-write) before their futures succeed, except {@link #recordAcknowledged}, whose
 * caller asks for the store's wait itself (ADR 74); a lease need not be, since a lost lease only lets the message be
 * taken again.
 */
public class MongoOutboxRepository implements OutboxRepository {

  public static final String COLLECTION = "outbox";
  private final MongoSupport mongo;

  /**
   * Due messages, a provider's log and a booking's messages. The claim and outcome compare-and-sets are found by
   * {@code _id}, also on the embedded store (ADR 80).
   */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(COLLECTION, "state_nextAttemptAt",
            new JsonObject().put("state", 1).put("nextAttemptAt", 1).put("_id", 1)),
        StoreIndex.secondary(COLLECTION, "provider_dueAt",
            new JsonObject().put("providerId", 1).put("dueAt", -1).put("_id", -1)),
        StoreIndex.secondary(COLLECTION, "bookingId", new JsonObject().put("bookingId", 1)));
  }

  MongoOutboxRepository(MongoSupport mongo) {
    this.mongo = mongo;
  }

  @Override
  public Future<List<OutboundMessage>> recordAcknowledged(List<OutboundMessage> messages) {
    if (messages.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<BulkOperation> inserts = messages.stream()
        .map(m -> BulkOperation.createInsert(OutboxCodec.encode(m)))
        .toList();
    return mongo.client.bulkWriteWithOptions(COLLECTION, inserts, new BulkWriteOptions().setOrdered(false))
        .map(messages)
        .recover(err -> {
          IntPredicate recordedBefore = recordedBefore(err);
          return recordedBefore == null ? Future.failedFuture(err) : Future.succeededFuture(IntStream
              .range(0, messages.size()).filter(recordedBefore.negate()).mapToObj(messages::get).toList());
        });
  }

  @Override
  public StoreDurability durability() {
    return mongo.durability;
  }

  /**
   * Which positions of an unordered insert failed because their id exists (those messages were recorded before), if
   * that is its only failure; else null. A duplicate-key error that does not say which counts every message as recorded
   * before: none is then taken for stored by this call, which at worst leaves a lease of its own to run out.
   */
  private static IntPredicate recordedBefore(Throwable err) {
    for (Throwable t = err; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof MongoBulkWriteException bulk) {
        boolean onlyDuplicates = !bulk.getWriteErrors().isEmpty()
            && bulk.getWriteErrors().stream().allMatch(e -> e.getCode() == MongoSupport.DUPLICATE_KEY);
        if (!onlyDuplicates) {
          return null;
        }
        Set<Integer> positions = bulk.getWriteErrors().stream().map(BulkWriteError::getIndex)
            .collect(Collectors.toSet());
        return positions::contains;
      }
    }
    return MongoSupport.isDuplicateKey(err) ? i -> true : null;
  }

  @Override
  public Future<List<OutboundMessage>> claimDue(Instant now, String owner, Duration lease, int limit) {
    JsonObject claimable = claimable(now);
    FindOptions candidates = new FindOptions()
        .setFields(new JsonObject().put("_id", 1).put("nextAttemptAt", 1).put("leaseUntil", 1))
        .setSort(new JsonObject().put("nextAttemptAt", 1).put("_id", 1))
        .setLimit(limit);
    JsonObject take = new JsonObject().put("$set", new JsonObject()
        .put("leaseOwner", Objects.requireNonNull(owner, "owner"))
        .put("leaseUntil", now.plus(lease).toEpochMilli()));
    return mongo.client.findWithOptions(COLLECTION, claimable, candidates).compose(docs -> {
      List<Future<JsonObject>> claims = new ArrayList<>();
      for (JsonObject doc : docs) {
        // Compare-and-set on the values just read (they satisfied the claim rule): matches only if nobody took, moved
        // or finished the message since. Found by _id, also on the embedded server (ADR 80).
        JsonObject one = byId(doc.getString("_id"))
            .put("state", MessageState.PENDING.name())
            .put("nextAttemptAt", doc.getLong("nextAttemptAt"))
            .put("leaseUntil", doc.getLong("leaseUntil"));
        claims.add(mongo.client.findOneAndUpdateWithOptions(COLLECTION, one, take, new FindOptions(),
            new UpdateOptions().setReturningNewDocument(true)));
      }
      Future<?> all = Future.all(claims);
      return all.map(done -> claims.stream()
          .map(Future::result)
          .filter(Objects::nonNull)
          .map(OutboxCodec::decode)
          .toList());
    });
  }

  private static JsonObject claimable(Instant now) {
    long millis = now.toEpochMilli();
    return new JsonObject()
        .put("state", MessageState.PENDING.name())
        .put("nextAttemptAt", new JsonObject().put("$lte", millis))
        .put("leaseUntil", new JsonObject().put("$lte", millis));
  }

  @Override
  public Future<Boolean> complete(OutboundMessage next, String owner) {
    JsonObject held = byId(next.id())
        .put("state", MessageState.PENDING.name())
        .put("leaseOwner", Objects.requireNonNull(owner, "owner"));
    return mongo.durable(mongo.client.replaceDocuments(COLLECTION, held, OutboxCodec.encode(next))
        .map(result -> result.getDocMatched() == 1));
  }

  @Override
  public Future<Optional<OutboundMessage>> findById(String id) {
    return mongo.findOne(COLLECTION, byId(id), OutboxCodec::decode);
  }

  @Override
  public Future<Map<MessageState, Long>> countByProvider(String providerId) {
    List<Future<Long>> counts = new ArrayList<>();
    for (MessageState state : MessageState.values()) {
      counts.add(mongo.client.count(COLLECTION,
          new JsonObject().put("providerId", providerId).put("state", state.name())));
    }
    return Future.all(counts).map(all -> {
      Map<MessageState, Long> byState = new EnumMap<>(MessageState.class);
      for (MessageState state : MessageState.values()) {
        byState.put(state, counts.get(state.ordinal()).result());
      }
      return byState;
    });
  }

  @Override
  public Future<Page<OutboundMessage>> listByProvider(String providerId, LogView view, PageRequest page) {
    JsonObject filter = new JsonObject().put("providerId", providerId);
    if (view == LogView.SCHEDULED) {
      filter.put("state", MessageState.PENDING.name());
    } else if (view == LogView.ACTIVITY) {
      filter.put("state", new JsonObject().put("$ne", MessageState.PENDING.name()));
    }
    String beyond = view.ascending() ? "$gt" : "$lt";
    int direction = view.ascending() ? 1 : -1;
    if (page.cursor() != null) {
      OutboxCodec.Position before;
      try {
        before = OutboxCodec.position(page.cursor());
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
      filter.put("$or", new JsonArray()
          .add(new JsonObject().put("dueAt", new JsonObject().put(beyond, before.dueMillis())))
          .add(new JsonObject().put("dueAt", before.dueMillis())
              .put("_id", new JsonObject().put(beyond, before.id()))));
    }
    FindOptions options = new FindOptions()
        .setSort(new JsonObject().put("dueAt", direction).put("_id", direction))
        .setLimit(page.limit() + 1);
    return mongo.client.findWithOptions(COLLECTION, filter, options)
        .map(docs -> MongoSupport.page(docs, page.limit(), OutboxCodec::decode, OutboxCodec::cursor));
  }

  @Override
  public Future<List<OutboundMessage>> findByBooking(String bookingId) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("dueAt", 1).put("_id", 1));
    return mongo.client.findWithOptions(COLLECTION, new JsonObject().put("bookingId", bookingId), options)
        .map(docs -> docs.stream().map(OutboxCodec::decode).toList());
  }
}
