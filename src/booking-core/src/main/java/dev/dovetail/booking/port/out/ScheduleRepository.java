package dev.dovetail.booking.port.out;

import dev.dovetail.booking.domain.Schedule;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The store-level guard. Stores each resource's {@link Schedule} as one document and changes it only by
 * compare-and-set on its revision: {@link #update} reads the schedule, applies {@code change} (a pure function that
 * throws to refuse), and writes the result only if nobody wrote in between, retrying on a lost race. Because a {@code
 * Schedule} with an overlap cannot be constructed, no overlap can be stored, with or without the resource lock.
 */
public interface ScheduleRepository {

  /** The current schedule, or an empty one at revision 0 if the resource never had a block. */
  Future<Schedule> load(String resourceId);

  /**
   * The current schedule, for a caller holding the resource's lock on the node that mostly writes it (a CalDAV PUT,
   * ADR 78): a store that keeps a copy may check it by the schedule's revision alone before reading the whole
   * schedule. By default the same as {@link #load}.
   */
  default Future<Schedule> loadUnderLock(String resourceId) {
    return load(resourceId);
  }

  /** Applies {@code change} atomically; fails with the exception {@code change} threw, or after too many lost races. */
  Future<Schedule> update(String resourceId, UnaryOperator<Schedule> change);

  /**
   * Like {@link #update}, but may succeed before the write is durable, so that a caller holding the resource lock can
   * release it before the store's commit: the caller must {@link #durable} before it acknowledges anything that rests
   * on this write. The store makes writes durable in the order they were made, so a later durable write covers this one
   * too. By default (a store whose writes are durable when acknowledged) the same as {@link #update}.
   */
  default Future<Schedule> updateBeforeDurable(String resourceId, UnaryOperator<Schedule> change) {
    return update(resourceId, change);
  }

  /** Makes every write acknowledged so far durable; by default there is nothing left to do. */
  default Future<Void> durable() {
    return Future.succeededFuture();
  }

  /**
   * A resource the janitor has to look at (ADR 82): its schedule was written, or {@link #markUnswept marked}, since
   * the janitor last found it in order. {@code revision} and {@code marks} identify what was seen, for {@link
   * #markSwept}; {@code changedAt} is the store's time of the last write or mark.
   */
  record Unswept(String resourceId, long revision, long marks, Instant changedAt) {}

  /**
   * Every resource to sweep. Every {@link #update} marks its resource, at the store's time, without the caller asking,
   * so these are the resources written or marked within the last few minutes, not all of them.
   */
  Future<List<Unswept>> unswept();

  /**
   * Marks the resource for the janitor without changing its schedule: before a write that may leave one of its blocks
   * for the janitor to free if the process stops half way (a cancellation's booking write, a booking moving to another
   * member, a hold's expiry). Nothing happens for a resource without a schedule. Durable once the future succeeds.
   */
  Future<Void> markUnswept(String resourceId);

  /**
   * Clears the mark the janitor {@code seen}, unless the schedule was written or marked since (then the resource stays
   * to sweep); true if cleared. Need not be durable: a lost clear only brings the janitor back once more.
   */
  Future<Boolean> markSwept(Unswept seen);

  /**
   * Removes the resource's schedule document (its busy time, holds and booking blocks), when the resource is deleted;
   * a later {@link #load} sees an empty schedule. Durable once the future succeeds.
   */
  Future<Void> delete(String resourceId);
}
