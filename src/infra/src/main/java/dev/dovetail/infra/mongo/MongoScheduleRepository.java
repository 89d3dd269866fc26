package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * The store-level guard on MongoDB: a resource's schedule as a {@link PartStore} value, a head in {@code schedules}
 * changed only by compare-and-set on its revision, and one document of blocks per UTC day in {@code scheduleDays}
 * (ADR 47), so a write moves the days it changes, not the resource's whole busy time.
 *
 * <p>{@link #update} takes the schedule (first this node's own copy without a read, then fresh reads: see
 * {@link PartStore#update}), applies the change (a pure function that throws to refuse) to all of it, and commits the changed days with the head's compare-and-set
 * from revision {@code r} to {@code r + 1} (an insert for a resource with no head yet). A commit that matches nothing,
 * or an insert that hits the {@code _id} unique index, means another writer won the race: the change is applied again
 * to the fresh schedule, after a short random pause, at most {@code maxAttempts} times. The head is the only commit
 * point and every change is checked against the whole schedule at the revision it commits on, and no overlapping
 * {@code Schedule} can be constructed, so no overlap can be stored whoever calls and whether or not they hold the
 * resource lock; this is as strong as the single-document schedule it replaces.
 */
public class MongoScheduleRepository implements ScheduleRepository {

  public static final String COLLECTION = "schedules";
  public static final String DAYS = "scheduleDays";
  public static final int DEFAULT_MAX_ATTEMPTS = 50;
  private static final long SECONDS_PER_DAY = 86_400L;
  /** On the head: true while the janitor has to look at the schedule (ADR 82). */
  static final String UNSWEPT = "unswept";
  /** On the head: marks since its last write ({@link #markUnswept}), which a write resets. */
  static final String MARKS = "marks";
  /** On the head: the store's time (epoch ms) of its last write or mark. */
  static final String CHANGED_AT = "changedAt";

  private final MongoSupport mongo;
  private final int maxAttempts;
  private final Clock clock;
  private final PartStore<List<Block>> store;
  private final LongAdder retries = new LongAdder();

  /**
   * The day parts' indexes ({@link PartStore#indexes}) and the heads' {@link #UNSWEPT}, alone: it stays true while a
   * resource is being written, so a write does not move its key.
   */
  static List<StoreIndex> indexes() {
    List<StoreIndex> all = new ArrayList<>(PartStore.indexes(DAYS));
    all.add(StoreIndex.secondary(COLLECTION, UNSWEPT, new JsonObject().put(UNSWEPT, 1)));
    return all;
  }

  MongoScheduleRepository(MongoSupport mongo, int maxAttempts, Clock clock) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.mongo = mongo;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
    this.store = new PartStore<>(mongo, "schedule", COLLECTION, DAYS, ScheduleCodec::encodeDay,
        ScheduleCodec::decodeBlocks);
  }

  /** Compare-and-set writes lost to another writer and retried, since this repository was built (for metrics). */
  long retries() {
    return retries.sum();
  }

  @Override
  public Future<Schedule> load(String resourceId) {
    return store.load(resourceId).map(loaded -> loaded.value(ScheduleCodec::decode));
  }

  /** This node's copy checked by the head's revision first ({@link PartStore#loadChecked}). */
  @Override
  public Future<Schedule> loadUnderLock(String resourceId) {
    return store.loadChecked(resourceId).map(loaded -> loaded.value(ScheduleCodec::decode));
  }

  @Override
  public Future<Schedule> update(String resourceId, UnaryOperator<Schedule> change) {
    return attempt(resourceId, change).compose(stored -> mongo.durable().map(stored));
  }

  /** The compare-and-set without the embedded store's commit (a real MongoDB acknowledges journaled writes). */
  @Override
  public Future<Schedule> updateBeforeDurable(String resourceId, UnaryOperator<Schedule> change) {
    return attempt(resourceId, change);
  }

  @Override
  public Future<Void> durable() {
    return mongo.durable();
  }

  private Future<Schedule> attempt(String resourceId, UnaryOperator<Schedule> change) {
    return store.update(resourceId, loaded -> {
      Schedule current = loaded.value(ScheduleCodec::decode);
      Schedule next = change.apply(current).atRevision(current.revision() + 1);
      JsonObject marked = new JsonObject().put(UNSWEPT, true).put(CHANGED_AT, clock.millis());
      return new PartStore.Proposal<>(marked, changedDays(current, next), next);
    }, maxAttempts, retries::increment);
  }

  /**
   * The days whose blocks differ, with their blocks now (null: the day has none left): O(changes · log n), from the
   * blocks added and removed between the two versions (ADR 69), not a comparison of every block.
   */
  private static Map<String, List<Block>> changedDays(Schedule before, Schedule after) {
    Set<Long> touched = new HashSet<>();
    after.changesSince(before, b -> touched.add(ScheduleCodec.epochDay(b)),
        b -> touched.add(ScheduleCodec.epochDay(b)));
    Map<String, List<Block>> changed = new HashMap<>();
    for (long day : touched) {
      List<Block> blocks = after.startingBetween(Instant.ofEpochSecond(day * SECONDS_PER_DAY),
          Instant.ofEpochSecond((day + 1) * SECONDS_PER_DAY));
      changed.put(ScheduleCodec.dayKey(day), blocks.isEmpty() ? null : blocks);
    }
    return changed;
  }

  /**
   * At start-up: moves schedules stored before ADR 47 (all blocks inside the head) to one document per day, and marks
   * heads stored before ADR 82 (no {@link #UNSWEPT}) for the janitor's next sweep.
   */
  Future<Void> migrate() {
    JsonObject older = new JsonObject().put(UNSWEPT, new JsonObject().put("$exists", false));
    JsonObject mark = new JsonObject().put("$set", new JsonObject().put(UNSWEPT, true).put(CHANGED_AT, 0L));
    return store.migrate(ScheduleCodec.BLOCKS, head -> ScheduleCodec.byDay(ScheduleCodec.decodeBlocks(head)))
        .compose(v -> mongo.durable(mongo.client.updateCollectionWithOptions(COLLECTION, older, mark,
            new UpdateOptions().setMulti(true)).mapEmpty()));
  }

  @Override
  public Future<Void> delete(String resourceId) {
    return mongo.durable(store.delete(resourceId));
  }

  /** Read on the {@link #UNSWEPT} index: the marked heads only. */
  @Override
  public Future<List<Unswept>> unswept() {
    FindOptions options = new FindOptions()
        .setFields(new JsonObject().put(CompareAndSet.REVISION, 1).put(MARKS, 1).put(CHANGED_AT, 1));
    return mongo.client.findWithOptions(COLLECTION, new JsonObject().put(UNSWEPT, true), options)
        .map(docs -> docs.stream().map(doc -> new Unswept(doc.getString("_id"),
            CompareAndSet.revision(doc, null), doc.getLong(MARKS, 0L),
            Instant.ofEpochMilli(doc.getLong(CHANGED_AT, 0L)))).toList());
  }

  /** A {@code $set} beside the revision: a write in flight still commits, and marks the head itself. */
  @Override
  public Future<Void> markUnswept(String resourceId) {
    JsonObject mark = new JsonObject()
        .put("$set", new JsonObject().put(UNSWEPT, true).put(CHANGED_AT, clock.millis()))
        .put("$inc", new JsonObject().put(MARKS, 1));
    return mongo.durable(mongo.client.updateCollection(COLLECTION, MongoSupport.byId(resourceId), mark).mapEmpty());
  }

  /**
   * Found by {@code _id}; matches only the marked head at the revision and marks the janitor saw. Not awaited
   * durable: a clear lost in a crash only brings the janitor back once more.
   */
  @Override
  public Future<Boolean> markSwept(Unswept seen) {
    JsonObject filter = MongoSupport.byId(seen.resourceId()).put(CompareAndSet.REVISION, seen.revision())
        .put(MARKS, seen.marks() == 0 ? null : seen.marks()).put(UNSWEPT, true);
    JsonObject cleared = new JsonObject().put("$set", new JsonObject().put(UNSWEPT, false));
    return mongo.client.updateCollection(COLLECTION, filter, cleared).map(result -> result.getDocMatched() == 1);
  }
}
