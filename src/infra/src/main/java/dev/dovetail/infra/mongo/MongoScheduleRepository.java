package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.booking.domain.ConflictException;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The store-level guard on MongoDB: one document per resource, changed only by compare-and-set on its revision.
 *
 * <p>{@link #update} reads the document, applies the change (a pure function that throws to refuse), and writes the
 * result with {@code updateOne({_id, revision: r}, {$set: {blocks, revision: r + 1}})}, or, for a resource that has no
 * document yet, {@code insertOne({_id, revision: 1, blocks})}. A write that matches nothing, or an insert that hits the
 * {@code _id} unique index, means another writer won the race: the change is applied again to the fresh document,
 * after a short random pause, at most {@code maxAttempts} times. Both operations are atomic single-document writes on
 * MongoDB and on mongo-java-server alike, and no overlapping {@code Schedule} can be constructed, so no overlap can be
 * stored whoever calls and whether or not they hold the resource lock.
 */
public class MongoScheduleRepository implements ScheduleRepository {

  public static final String COLLECTION = "schedules";
  public static final int DEFAULT_MAX_ATTEMPTS = 50;
  private static final int MAX_BACKOFF_MILLIS = 32;

  private final MongoSupport mongo;
  private final int maxAttempts;
  private final java.util.concurrent.atomic.LongAdder retries = new java.util.concurrent.atomic.LongAdder();

  MongoScheduleRepository(MongoSupport mongo, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.mongo = mongo;
    this.maxAttempts = maxAttempts;
  }

  /** Compare-and-set writes lost to another writer and retried, since this repository was built (for metrics). */
  long retries() {
    return retries.sum();
  }

  @Override
  public Future<Schedule> load(String resourceId) {
    return mongo.client.findOne(COLLECTION, byId(resourceId), null)
        .map(doc -> doc == null ? Schedule.empty(resourceId) : ScheduleCodec.decode(doc));
  }

  @Override
  public Future<Schedule> update(String resourceId, UnaryOperator<Schedule> change) {
    return attempt(resourceId, change, 1).compose(stored -> mongo.durable().map(stored));
  }

  private Future<Schedule> attempt(String resourceId, UnaryOperator<Schedule> change, int attempt) {
    return load(resourceId).compose(current -> {
      Schedule changed;
      try {
        changed = change.apply(current);
      } catch (RuntimeException refused) {
        return Future.failedFuture(refused);
      }
      Schedule next = new Schedule(resourceId, current.revision() + 1, changed.blocks());
      return write(current.revision(), next).compose(won -> {
        if (won) {
          return Future.succeededFuture(next);
        }
        if (attempt >= maxAttempts) {
          return Future.failedFuture(new ConflictException(
              "the schedule of resource " + resourceId + " is changing too often, try again"));
        }
        retries.increment();
        return pause(attempt).compose(v -> attempt(resourceId, change, attempt + 1));
      });
    });
  }

  /** The compare-and-set: true if this write won, false if another writer changed the document first. */
  private Future<Boolean> write(long expectedRevision, Schedule next) {
    if (expectedRevision == 0) {
      return mongo.client.insert(COLLECTION, ScheduleCodec.encode(next))
          .map(id -> true)
          .recover(err -> MongoSupport.isDuplicateKey(err) ? Future.succeededFuture(false) : Future.failedFuture(err));
    }
    JsonObject filter = byId(next.resourceId()).put(ScheduleCodec.REVISION, expectedRevision);
    JsonObject update = new JsonObject().put("$set", new JsonObject()
        .put(ScheduleCodec.REVISION, next.revision())
        .put(ScheduleCodec.BLOCKS, ScheduleCodec.encodeBlocks(next.blocks())));
    return mongo.client.updateCollection(COLLECTION, filter, update).map(result -> result.getDocMatched() == 1);
  }

  /** A random pause that grows with the attempt, so that racing writers spread out instead of colliding again. */
  private Future<Void> pause(int attempt) {
    int bound = Math.min(MAX_BACKOFF_MILLIS, 1 << Math.min(attempt, 5));
    long delay = 1 + ThreadLocalRandom.current().nextInt(bound);
    Promise<Void> promise = Promise.promise();
    mongo.vertx.setTimer(delay, id -> promise.complete());
    return promise.future();
  }

  @Override
  public Future<Void> delete(String resourceId) {
    return mongo.durable(mongo.client.removeDocument(COLLECTION, byId(resourceId))).mapEmpty();
  }

  @Override
  public Future<List<String>> resourceIds() {
    return mongo.client.findWithOptions(COLLECTION, new JsonObject(),
            new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(doc -> doc.getString("_id")).toList());
  }
}
