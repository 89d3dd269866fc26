package dev.dovetail.account.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-29T00:59:58Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  @DisplayName("logins are keyed after NFKC, space and case folding")
  void normalisation() {
    assertThat(LoginThrottle.normalise("  Alice@Example.COM ")).isEqualTo("alice@example.com");
    assertThat(LoginThrottle.normalise("ａｌｉｃｅ")).as("full-width letters").isEqualTo("alice");
    assertThat(LoginThrottle.normalise("al ice\t")).isEqualTo("alice");
  }

  @Test
  @DisplayName("five failures are free; then each failure doubles the lock: 1 s, 2 s, 4 s, ... at most 15 minutes")
  void exponentialBackOff() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.failed("a")).isZero();
      assertThat(throttle.lockedFor("a")).isZero();
    }
    long[] expected = {1, 2, 4, 8, 16};
    for (long seconds : expected) {
      assertThat(throttle.failed("a")).isEqualTo(seconds);
      assertThat(throttle.lockedFor("a")).isEqualTo(seconds);
      clock.advance(Duration.ofSeconds(seconds));
      assertThat(throttle.lockedFor("a")).isZero();
    }
    for (int i = 0; i < 40; i++) {
      throttle.failed("a");
    }
    assertThat(throttle.lockedFor("a")).isEqualTo(LoginThrottle.MAX_LOCK.toSeconds());
    assertThat(throttle.lockedFor("b")).as("another account").isZero();
  }

  @Test
  @DisplayName("a success clears the account; so does an hour without failures")
  void successAndTimeClear() {
    for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
      throttle.failed("a");
      throttle.failed("b");
    }
    throttle.succeeded("a");
    assertThat(throttle.lockedFor("a")).isZero();
    assertThat(throttle.failed("a")).isZero();
    clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
    assertThat(throttle.failed("b")).as("counting starts again").isZero();
  }
}
