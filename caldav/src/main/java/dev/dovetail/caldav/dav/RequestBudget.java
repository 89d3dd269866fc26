package dev.dovetail.caldav.dav;

import java.time.Duration;

/**
 * What one DAV request may cost: a deadline and a number of expanded instances (CALDAV:expand) across its
 * response. Reports check it per object; past either bound the request is refused with 403
 * {@code DAV:number-of-matches-within-limits} (RFC 4791 7.8) and a reason, so one request cannot hold a worker
 * thread or fill the heap. Used from one worker thread at a time.
 */
public final class RequestBudget {

  /** How long a request may compute. */
  public static final Duration DEADLINE = Duration.ofMillis(1_000);
  /** How many instances the CALDAV:expand of one response may write. */
  public static final int MAX_EXPANDED_INSTANCES = 10_000;

  private final long deadlineNanos;
  private int expanded;

  private RequestBudget(Duration deadline) {
    this.deadlineNanos = System.nanoTime() + deadline.toNanos();
  }

  /** A budget whose deadline runs from now. */
  public static RequestBudget start() {
    return new RequestBudget(DEADLINE);
  }

  /** A budget with another deadline (tests). */
  public static RequestBudget withDeadline(Duration deadline) {
    return new RequestBudget(deadline);
  }

  /** Refuses the request once its deadline has passed. */
  public void check() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw tooMuch("the request needs more than " + DEADLINE.toMillis() + " ms; ask for a narrower time range or"
          + " fewer objects");
    }
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
