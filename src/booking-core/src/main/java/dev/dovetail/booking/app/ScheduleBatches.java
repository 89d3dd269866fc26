package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Schedule changes waiting on this node for the same resource, applied in one compare-and-set (ADR 71). While a
 * resource's write is under way, changes asked for it queue here; the next write takes the lock once, applies the
 * queued changes (at most {@value #MAX_BATCH}) in order to the schedule, each checked against the schedule with the
 * earlier ones of the batch already in it, and commits the result with one compare-and-set of the repository. A change
 * that throws is refused alone: the others go on without it. The repository may run the batch again on a fresh read
 * after a lost race; only the run it committed decides who was refused. The store still checks the whole schedule at
 * one revision, so the guarantee is the one a single change has.
 */
final class ScheduleBatches {

  /**
   * At most this many changes per compare-and-set: each is checked against the whole schedule under the lock, so a
   * bound keeps one hold short however many customers wait.
   */
  static final int MAX_BATCH = 64;

  /** One change and who waits for it. */
  private record Waiting(UnaryOperator<Schedule> change, Promise<Schedule> done) {}

  /** Thrown by a run in which every change was refused: nothing to commit. */
  private static final class NothingApplied extends RuntimeException {
    NothingApplied() {
      super(null, null, false, false);
    }
  }

  private final ResourceLock lock;
  private final ScheduleRepository schedules;
  /** Per resource with a write under way, the changes that came since it took its batch. Guarded by {@code this}. */
  private final Map<String, List<Waiting>> queued = new HashMap<>();

  ScheduleBatches(ResourceLock lock, ScheduleRepository schedules) {
    this.lock = lock;
    this.schedules = schedules;
  }

  /** Applies {@code change} with the others waiting for the resource; fails alone if it throws. */
  Future<Schedule> update(String resourceId, UnaryOperator<Schedule> change) {
    Promise<Schedule> done = Promise.promise();
    boolean first;
    synchronized (this) {
      first = !queued.containsKey(resourceId);
      queued.computeIfAbsent(resourceId, id -> new ArrayList<>()).add(new Waiting(change, done));
    }
    if (first) {
      write(resourceId);
    }
    return done.future();
  }

  /** One write: takes what waits once the lock is held (or, if the lock cannot be had, fails what waits). */
  private void write(String resourceId) {
    List<List<Waiting>> taken = new ArrayList<>(1);
    Future<Run> written = lock.withLock(resourceId, () -> {
      taken.add(take(resourceId));
      Run run = new Run(taken.get(0));
      return schedules.updateBeforeDurable(resourceId, run::apply).map(run::committed)
          .recover(err -> err instanceof NothingApplied ? Future.succeededFuture(run) : Future.failedFuture(err));
    });
    written.onSuccess(run -> {
      run.settle(schedules);
      next(resourceId);
    }).onFailure(err -> {
      List<Waiting> batch = taken.isEmpty() ? takeAll(resourceId) : taken.get(0);
      batch.forEach(w -> w.done().fail(err));
      next(resourceId);
    });
  }

  /** The oldest waiting changes, at most {@link #MAX_BATCH}; the rest stay for the next write. */
  private synchronized List<Waiting> take(String resourceId) {
    List<Waiting> waiting = queued.get(resourceId);
    List<Waiting> batch = new ArrayList<>(waiting.subList(0, Math.min(MAX_BATCH, waiting.size())));
    waiting.subList(0, batch.size()).clear();
    return batch;
  }

  /** Every waiting change (the lock could not be had: they all fail as they would have alone). */
  private synchronized List<Waiting> takeAll(String resourceId) {
    List<Waiting> waiting = queued.get(resourceId);
    queued.put(resourceId, new ArrayList<>());
    return waiting;
  }

  /** Starts the next write if changes came meanwhile, else ends the resource's writes on this node. */
  private void next(String resourceId) {
    boolean more;
    synchronized (this) {
      more = !queued.get(resourceId).isEmpty();
      if (!more) {
        queued.remove(resourceId);
      }
    }
    if (more) {
      write(resourceId);
    }
  }

  /** The batch's changes applied to one read of the schedule, and what each came to in the last run. */
  private static final class Run {

    private final List<Waiting> batch;
    private final RuntimeException[] refusals;
    private Schedule committed;

    Run(List<Waiting> batch) {
      this.batch = batch;
      this.refusals = new RuntimeException[batch.size()];
    }

    /** Every change in order on {@code read}; a refused one is skipped. Throws if none is left to commit. */
    Schedule apply(Schedule read) {
      Schedule next = read;
      boolean any = false;
      for (int i = 0; i < batch.size(); i++) {
        try {
          next = batch.get(i).change().apply(next);
          refusals[i] = null;
          any = true;
        } catch (RuntimeException refused) {
          refusals[i] = refused;
        }
      }
      if (!any) {
        throw new NothingApplied();
      }
      return next;
    }

    Run committed(Schedule stored) {
      committed = stored;
      return this;
    }

    /** Refusals fail at once; the applied changes succeed with the stored schedule once it is durable. */
    void settle(ScheduleRepository schedules) {
      for (int i = 0; i < batch.size(); i++) {
        if (refusals[i] != null) {
          batch.get(i).done().fail(refusals[i]);
        }
      }
      if (committed == null) {
        return;
      }
      Future<Schedule> durable = schedules.durable().map(committed);
      for (int i = 0; i < batch.size(); i++) {
        if (refusals[i] == null) {
          durable.onComplete(batch.get(i).done());
        }
      }
    }
  }
}
