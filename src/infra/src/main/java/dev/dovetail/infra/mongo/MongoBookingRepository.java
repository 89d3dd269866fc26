package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Booking details in the {@code bookings} collection, keyed by booking id. Updates are compare-and-set on {@code
 * revision} ({@link CompareAndSet}). Lists are keyset-paginated on (start, _id).
 */
public class MongoBookingRepository implements BookingRepository {

  public static final String COLLECTION = "bookings";
  private static final int MAX_IDS = 1000;

  private final MongoSupport mongo;
  private final CompareAndSet revisions;

  /** The provider's lists (by start, optionally per resource) and the hold sweep. */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(COLLECTION, "provider_start",
            new JsonObject().put("providerId", 1).put("start", 1).put("_id", 1)),
        StoreIndex.secondary(COLLECTION, "provider_resource_start",
            new JsonObject().put("providerId", 1).put("resourceId", 1).put("start", 1).put("_id", 1)),
        StoreIndex.secondary(COLLECTION, "status_holdExpiresAt",
            new JsonObject().put("status", 1).put("holdExpiresAt", 1)));
  }

  MongoBookingRepository(MongoSupport mongo) {
    this.mongo = mongo;
    this.revisions = new CompareAndSet(mongo, COLLECTION, BookingCodec.LEGACY_REVISION);
  }

  /**
   * Ordered insert of all bookings. MongoDB has no multi-document atomicity here, so if one id exists the ones this
   * call inserted before it are deleted again before the ConflictException is reported: all or nothing, as seen once
   * the future completes.
   */
  @Override
  public Future<Void> insertAll(List<Booking> bookings) {
    if (bookings.isEmpty()) {
      return Future.succeededFuture();
    }
    List<BulkOperation> inserts = bookings.stream().map(b -> BulkOperation.createInsert(BookingCodec.encode(b))).toList();
    return mongo.durable(mongo.client.bulkWriteWithOptions(COLLECTION, inserts, new BulkWriteOptions().setOrdered(true))
        .<Void>mapEmpty()
        .recover(err -> {
          if (!MongoSupport.isDuplicateKey(err)) {
            return Future.failedFuture(err);
          }
          int failedAt = MongoSupport.firstFailedIndex(err);
          List<String> inserted = bookings.subList(0, Math.max(0, failedAt)).stream().map(Booking::id).toList();
          Future<Void> undo = inserted.isEmpty() ? Future.succeededFuture()
              : mongo.client.removeDocuments(COLLECTION, new JsonObject().put("_id", in(inserted))).mapEmpty();
          return undo.transform(ignored -> Future.failedFuture(new ConflictException("booking id exists")));
        }));
  }

  @Override
  public Future<Void> update(Booking booking) {
    return revisions.replaceOrFail(booking.id(), booking.revision() - 1, BookingCodec.encode(booking),
        "booking " + booking.id());
  }

  @Override
  public Future<Optional<Booking>> findById(String id) {
    return mongo.findOne(COLLECTION, byId(id), BookingCodec::decode);
  }

  @Override
  public Future<Page<Booking>> listByProvider(String providerId, String resourceId, TimeRange window,
      PageRequest page) {
    JsonObject filter = new JsonObject().put("providerId", providerId);
    if (resourceId != null) {
      filter.put("resourceId", resourceId);
    }
    if (window != null) {
      filter.put("end", new JsonObject().put("$gt", window.start().toEpochMilli()));
      filter.put("start", new JsonObject().put("$lt", window.end().toEpochMilli()));
    }
    if (page.cursor() != null) {
      BookingCodec.Position after;
      try {
        after = BookingCodec.position(page.cursor());
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
      filter.put("$or", new JsonArray()
          .add(new JsonObject().put("start", new JsonObject().put("$gt", after.startMillis())))
          .add(new JsonObject().put("start", after.startMillis()).put("_id", new JsonObject().put("$gt", after.id()))));
    }
    FindOptions options = new FindOptions()
        .setSort(new JsonObject().put("start", 1).put("_id", 1))
        .setLimit(page.limit() + 1);
    return mongo.client.findWithOptions(COLLECTION, filter, options)
        .map(docs -> MongoSupport.page(docs, page.limit(), BookingCodec::decode, BookingCodec::cursor));
  }

  @Override
  public Future<List<Booking>> findExpiredHolds(Instant now, int limit) {
    JsonObject filter = new JsonObject()
        .put("status", BookingStatus.HELD.name())
        .put("holdExpiresAt", new JsonObject().put("$lte", now.toEpochMilli()));
    FindOptions options = new FindOptions().setSort(new JsonObject().put("holdExpiresAt", 1)).setLimit(limit);
    return mongo.client.findWithOptions(COLLECTION, filter, options)
        .map(docs -> docs.stream().map(BookingCodec::decode).toList());
  }

  @Override
  public Future<List<Booking>> findByIds(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    if (ids.size() > MAX_IDS) {
      return Future.failedFuture(new IllegalArgumentException("at most " + MAX_IDS + " ids per call"));
    }
    return mongo.client.find(COLLECTION, new JsonObject().put("_id", in(ids)))
        .map(docs -> docs.stream().map(BookingCodec::decode).toList());
  }

  private static JsonObject in(List<String> ids) {
    return new JsonObject().put("$in", new JsonArray(List.copyOf(ids)));
  }
}
