package dev.dovetail.caldav.dav;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * What one DAV request may cost: computing time and a number of expanded instances (CALDAV:expand) across its
 * response. Reports check it per object; past either bound the request is refused with 403
 * {@code DAV:number-of-matches-within-limits} (RFC 4791 7.8) and a reason, so one request cannot hold a worker
 * thread or fill the heap.
 *
 * <p>Computing time is the CPU time of the thread that checks, summed between checks on one thread (a report computes
 * on one worker thread; a check from another thread starts a new segment). CPU time, not elapsed time, so that a busy
 * machine, which stretches every request, does not refuse honest ones; the elapsed time still has a wider cap, for a
 * machine so oversubscribed that a request's thread barely runs. Used from one thread at a time.
 */
public final class RequestBudget {

  /** How much CPU time a request may spend computing its answer. */
  public static final Duration CPU_LIMIT = Duration.ofMillis(1_000);
  /** How long a request may take in all, waiting for a core included. */
  public static final Duration ELAPSED_LIMIT = Duration.ofSeconds(10);
  /** How many instances the CALDAV:expand of one response may write. */
  public static final int MAX_EXPANDED_INSTANCES = 10_000;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long cpuLimitNanos;
  private final long elapsedDeadline;
  private final boolean cpuTimed = THREADS.isCurrentThreadCpuTimeSupported();
  private long cpuSpent;
  private Thread segmentThread;
  private long segmentCpu;
  private int expanded;

  private RequestBudget(Duration cpuLimit, Duration elapsedLimit) {
    this.cpuLimitNanos = cpuLimit.toNanos();
    this.elapsedDeadline = System.nanoTime() + elapsedLimit.toNanos();
  }

  /** A budget that runs from now. */
  public static RequestBudget start() {
    return new RequestBudget(CPU_LIMIT, ELAPSED_LIMIT);
  }

  /** A budget with other limits (tests). */
  public static RequestBudget withLimits(Duration cpuLimit, Duration elapsedLimit) {
    return new RequestBudget(cpuLimit, elapsedLimit);
  }

  /** Refuses the request once it has computed for longer than its CPU limit, or run past its elapsed limit. */
  public void check() {
    if (System.nanoTime() - elapsedDeadline > 0) {
      throw tooMuch("the request took more than " + ELAPSED_LIMIT.toSeconds() + " s; ask for a narrower time range"
          + " or fewer objects");
    }
    if (cpuTimed && spentCpu() > cpuLimitNanos) {
      throw tooMuch("the request needs more than " + CPU_LIMIT.toMillis() + " ms of computing; ask for a narrower"
          + " time range or fewer objects");
    }
  }

  private long spentCpu() {
    Thread current = Thread.currentThread();
    long cpu = THREADS.getCurrentThreadCpuTime();
    if (current == segmentThread) {
      cpuSpent += cpu - segmentCpu;
    }
    segmentThread = current;
    segmentCpu = cpu;
    return cpuSpent;
  }

  /** Counts instances written by an expansion; refuses the request past {@link #MAX_EXPANDED_INSTANCES}. */
  public void expanded(int instances) {
    expanded += instances;
    if (expanded > MAX_EXPANDED_INSTANCES) {
      throw tooMuch("the expanded answer would hold more than " + MAX_EXPANDED_INSTANCES
          + " instances; ask for a narrower expand range");
    }
    check();
  }

  private static DavException tooMuch(String reason) {
    return DavException.forbidden(Ns.dav("number-of-matches-within-limits"), reason);
  }
}
