package dev.dovetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards .ci/any-hour: when it runs the suites at an awkward instant, this proves the test JVM really sees that
 * instant (libfaketime preloaded by the root pom's faked-clock profile), so a green run means something.
 */
class FakedClockTest {

  @Test
  @DisplayName("under .ci/any-hour the test JVM's wall clock is the chosen instant (a run lasts well under two hours)")
  void theTestJvmRunsAtTheChosenInstant() {
    String epoch = System.getenv("DOVETAIL_FAKED_EPOCH");
    assumeTrue(epoch != null && !epoch.isBlank(), "only meaningful under .ci/any-hour");

    Instant chosen = Instant.ofEpochSecond(Long.parseLong(epoch));
    assertThat(Instant.now()).isBetween(chosen.minusSeconds(5), chosen.plus(Duration.ofHours(2)));
  }
}
