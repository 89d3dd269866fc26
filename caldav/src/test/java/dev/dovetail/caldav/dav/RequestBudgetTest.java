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
  @DisplayName("this JVM measures thread CPU time, so the CPU limit is what applies")
  void threadCpuTimeIsMeasured() {
    assertThat(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()).isTrue();
  }
}
