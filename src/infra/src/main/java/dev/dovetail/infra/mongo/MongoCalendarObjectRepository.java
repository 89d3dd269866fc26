package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.booking.domain.ConflictException;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * CalDAV calendars on MongoDB: one document per resource in {@code calendars}, changed only by compare-and-set on its
 * revision ({@code updateOne({_id, revision: r}, {$set: {..., revision: r + 1}})}, or {@code insertOne} for the first
 * write), like {@link MongoScheduleRepository}. Only {@code _id} lookups and single-document conditional writes, so
 * both engines behave the same; objects, sequence and tombstones change together atomically. Durable (embedded
 * commit) before the future succeeds.
 */
public class MongoCalendarObjectRepository implements CalendarObjectRepository {

  public static final String COLLECTION = "calendars";
  private static final int MAX_ATTEMPTS = 50;
  private static final int MAX_BACKOFF_MILLIS = 32;

  private final MongoSupport mongo;

  MongoCalendarObjectRepository(MongoSupport mongo) {
    this.mongo = mongo;
  }

  @Override
  public Future<CalendarCollection> load(String resourceId) {
    return mongo.client.findOne(COLLECTION, byId(resourceId), null)
        .map(doc -> doc == null ? CalendarCollection.empty(resourceId) : CalendarCodec.decode(doc));
  }

  /** Reads the {@code revision} field only, not the objects. */
  @Override
  public Future<Long> revision(String resourceId) {
    return revisionOf(mongo, COLLECTION, resourceId, CalendarCodec.REVISION);
  }

  /** Reads {@code properties.<name>} only (a name a dotted path would misread falls back to the whole document). */
  @Override
  public Future<String> property(String resourceId, String name) {
    if (name.isEmpty() || name.contains(".") || name.startsWith("$")) {
      return CalendarObjectRepository.super.property(resourceId, name);
    }
    String field = "properties." + name;
    return mongo.client.findOne(COLLECTION, byId(resourceId), new JsonObject().put(field, 1))
        .map(doc -> {
          JsonObject properties = doc == null ? null : doc.getJsonObject("properties");
          return properties == null ? null : properties.getString(name);
        });
  }

  /** The numeric {@code field} of one document read alone (a projection), 0 when there is no document. */
  static Future<Long> revisionOf(MongoSupport mongo, String collection, String id, String field) {
    return mongo.client.findOne(collection, byId(id), new JsonObject().put(field, 1))
        .map(doc -> doc == null || doc.getValue(field) == null ? 0L : ((Number) doc.getValue(field)).longValue());
  }

  @Override
  public Future<Void> delete(String resourceId) {
    return mongo.durable(mongo.client.removeDocument(COLLECTION, byId(resourceId))).mapEmpty();
  }

  @Override
  public Future<CalendarCollection> update(String resourceId, UnaryOperator<CalendarCollection> change) {
    return attempt(resourceId, change, 1).compose(stored -> mongo.durable().map(stored));
  }

  private Future<CalendarCollection> attempt(String resourceId, UnaryOperator<CalendarCollection> change,
      int attempt) {
    return load(resourceId).compose(current -> {
      CalendarCollection next;
      try {
        next = change.apply(current).atRevision(current.revision() + 1);
      } catch (RuntimeException refused) {
        return Future.failedFuture(refused);
      }
      return write(current.revision(), next).compose(won -> {
        if (won) {
          return Future.succeededFuture(next);
        }
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(new ConflictException(
              "the calendar of resource " + resourceId + " is changing too often, try again"));
        }
        return pause(attempt).compose(v -> attempt(resourceId, change, attempt + 1));
      });
    });
  }

  private Future<Boolean> write(long expectedRevision, CalendarCollection next) {
    if (expectedRevision == 0) {
      return mongo.client.insert(COLLECTION, CalendarCodec.encode(next))
          .map(id -> true)
          .recover(err -> MongoSupport.isDuplicateKey(err) ? Future.succeededFuture(false) : Future.failedFuture(err));
    }
    JsonObject filter = byId(next.resourceId()).put(CalendarCodec.REVISION, expectedRevision);
    JsonObject update = new JsonObject().put("$set",
        CalendarCodec.body(next).put(CalendarCodec.REVISION, next.revision()));
    return mongo.client.updateCollection(COLLECTION, filter, update).map(result -> result.getDocMatched() == 1);
  }

  private Future<Void> pause(int attempt) {
    int bound = Math.min(MAX_BACKOFF_MILLIS, 1 << Math.min(attempt, 5));
    Promise<Void> promise = Promise.promise();
    mongo.vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(bound), id -> promise.complete());
    return promise.future();
  }
}
