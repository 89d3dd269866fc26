package dev.dovetail.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RequestBudget: a request is refused for the computing it does, not for waiting on a busy machine")
class RequestBudgetTest {

  @Test
  @DisplayName("computing past the CPU limit is refused with 403 number-of-matches-within-limits and a reason")
  void computingPastTheLimitIsRefused() {
    RequestBudget budget = RequestBudget.withLimits(Duration.ofMillis(50), Duration.ofMinutes(10));
    DavException refused = catchThrowableOfType(() -> {
      long sink = 0;
      while (true) {
        for (int i = 0; i < 10_000; i++) {
          sink += Long.rotateLeft(sink ^ i, 7);
        }
        budget.check();
        if (sink == 42) {
          return;
        }
      }
    }, DavException.class);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.precondition()).isEqualTo(Ns.dav("number-of-matches-within-limits"));
    assertThat(refused.getMessage()).contains("computing");
  }

  @Test
  @DisplayName("time spent waiting (here asleep, as a thread waits for a core) does not count against the CPU limit")
  void waitingDoesNotCount() throws InterruptedException {
    RequestBudget budget = RequestBudget.withLimits(Duration.ofMillis(50), Duration.ofMinutes(10));
    budget.check();
    Thread.sleep(200);
    assertThatCode(budget::check).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("the elapsed time still has a cap, for a thread that barely runs")
  void elapsedTimeHasACap() throws InterruptedException {
    RequestBudget budget = RequestBudget.withLimits(Duration.ofMinutes(1), Duration.ofMillis(100));
    Thread.sleep(150);
    DavException refused = catchThrowableOfType(budget::check, DavException.class);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.getMessage()).contains("took more than");
  }

  @Test
  @DisplayName("work run outside the budget (a shared index build the request waits for) counts neither its CPU time"
      + " nor its duration; what the request computes after it counts again")
  void workOutsideTheBudgetIsNotCharged() {
    RequestBudget budget = RequestBudget.withLimits(Duration.ofMillis(50), Duration.ofMillis(200));
    budget.check();
    budget.outside(() -> compute(Duration.ofMillis(300)));
    assertThatCode(budget::check).doesNotThrowAnyException();
    DavException refused = catchThrowableOfType(() -> {
      while (true) {
        compute(Duration.ofMillis(10));
        budget.check();
      }
    }, DavException.class);
    assertThat(refused.getMessage()).startsWith("the request");
  }

  @Test
  @DisplayName("an index build has a bound of its own, wider than a request's: it may compute past a request's limit")
  void anIndexBuildHasAWiderBound() {
    assertThat(RequestBudget.INDEX_CPU_LIMIT).isGreaterThan(RequestBudget.CPU_LIMIT);
    assertThat(RequestBudget.INDEX_ELAPSED_LIMIT).isGreaterThan(RequestBudget.ELAPSED_LIMIT);
    RequestBudget build = RequestBudget.forIndexBuild();
    RequestBudget request = RequestBudget.start();
    build.check();
    request.check();
    compute(RequestBudget.CPU_LIMIT.plusMillis(100));
    assertThatCode(build::check).doesNotThrowAnyException();
    assertThat(catchThrowableOfType(request::check, DavException.class).status()).isEqualTo(403);
  }

  /** Keeps this thread's CPU busy for at least {@code cpu} of its own CPU time. */
  private static void compute(Duration cpu) {
    long until = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + cpu.toNanos();
    long sink = 0;
    while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() < until) {
      for (int i = 0; i < 10_000; i++) {
        sink += Long.rotateLeft(sink ^ i, 7);
      }
    }
    if (sink == 42) {
      throw new IllegalStateException("unreachable in practice; keeps the loop from being optimised away");
    }
  }

  @Test
  @DisplayName("this JVM measures thread CPU time, so the CPU limit is what applies")
  void threadCpuTimeIsMeasured() {
    assertThat(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()).isTrue();
  }
}
