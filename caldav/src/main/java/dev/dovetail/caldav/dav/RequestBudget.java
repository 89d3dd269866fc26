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
 *
 * <p>A calendar's time index is shared by every later query, so its build is not charged to the request that happens
 * to find it missing: the request waits for it {@link #outside} its budget, and the build runs under a budget of its
 * own, {@link #forIndexBuild}, wider because it is paid once per calendar version and node (ADR 70).
 */
public final class RequestBudget {

  /** How much CPU time a request may spend computing its answer. */
  public static final Duration CPU_LIMIT = Duration.ofMillis(1_000);
  /** How long a request may take in all, waiting for a core included. */
  public static final Duration ELAPSED_LIMIT = Duration.ofSeconds(10);
  /** How much CPU time building one calendar's time index may take (5,000 events: about 1-5 s, ADR 70). */
  public static final Duration INDEX_CPU_LIMIT = Duration.ofSeconds(10);
  /** How long building one calendar's time index may take in all, its readers waiting for it. */
  public static final Duration INDEX_ELAPSED_LIMIT = Duration.ofSeconds(60);
  /** How many instances the CALDAV:expand of one response may write. */
  public static final int MAX_EXPANDED_INSTANCES = 10_000;

  private static final String REQUEST = "the request";
  private static final String REQUEST_ADVICE = "ask for a narrower time range or fewer objects";
  private static final String INDEX = "indexing this calendar";
  private static final String INDEX_ADVICE = "the objects indexed so far are kept, so a later query goes further";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Duration cpuLimit;
  private final Duration elapsedLimit;
  private final String what;
  private final String advice;
  private long elapsedDeadline;
  private final boolean cpuTimed = THREADS.isCurrentThreadCpuTimeSupported();
  private long cpuSpent;
  private Thread segmentThread;
  private long segmentCpu;
  private int expanded;

  private RequestBudget(Duration cpuLimit, Duration elapsedLimit, String what, String advice) {
    this.cpuLimit = cpuLimit;
    this.elapsedLimit = elapsedLimit;
    this.what = what;
    this.advice = advice;
    this.elapsedDeadline = System.nanoTime() + elapsedLimit.toNanos();
  }

  /** A budget that runs from now. */
  public static RequestBudget start() {
    return new RequestBudget(CPU_LIMIT, ELAPSED_LIMIT, REQUEST, REQUEST_ADVICE);
  }

  /** A budget with other limits (tests). */
  public static RequestBudget withLimits(Duration cpuLimit, Duration elapsedLimit) {
    return new RequestBudget(cpuLimit, elapsedLimit, REQUEST, REQUEST_ADVICE);
  }

  /**
   * The bound on building one calendar's time index, from now: the server's, whichever request started the build.
   * Past it the requests waiting for the build are refused like any request over its budget.
   */
  public static RequestBudget forIndexBuild() {
    return new RequestBudget(INDEX_CPU_LIMIT, INDEX_ELAPSED_LIMIT, INDEX, INDEX_ADVICE);
  }

  /** Refuses the request once it has computed for longer than its CPU limit, or run past its elapsed limit. */
  public void check() {
    if (System.nanoTime() - elapsedDeadline > 0) {
      throw tooMuch(what + " took more than " + elapsedLimit.toSeconds() + " s; " + advice);
    }
    if (cpuTimed && spentCpu() > cpuLimit.toNanos()) {
      throw tooMuch(what + " needs more than " + cpuLimit.toMillis() + " ms of computing; " + advice);
    }
  }

  /**
   * Runs work this request waits for but does not pay for (a shared calendar index being built): neither the CPU time
   * of this thread nor the time that passes meanwhile count against the budget; the work bounds itself.
   */
  public void outside(Runnable work) {
    if (cpuTimed) {
      spentCpu(); // what was computed before counts
    }
    long started = System.nanoTime();
    try {
      work.run();
    } finally {
      segmentThread = null; // the next check starts a new segment
      elapsedDeadline += System.nanoTime() - started;
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
