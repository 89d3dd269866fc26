package dev.dovetail.booking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HoldLedgerTest {

  private static final Instant T0 = Instant.parse("2026-03-28T23:30:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private static HoldLedger.Limit limit(String key, int max) {
    return new HoldLedger.Limit(key, max, HOUR, "for " + key);
  }

  @Test
  @DisplayName("a take that would exceed any one limit records nothing under the others")
  void takeIsAllOrNothing() {
    HoldLedger ledger = new HoldLedger(100);
    ledger.take(List.of(limit("a", 3)), 2, T0);
    assertThatThrownBy(() -> ledger.take(List.of(limit("b", 5), limit("a", 3)), 2, T0))
        .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("for a");
    ledger.take(List.of(limit("b", 5)), 5, T0);
    assertThatThrownBy(() -> ledger.take(List.of(limit("b", 5)), 1, T0))
        .isInstanceOf(TooManyRequestsException.class);
  }

  @Test
  @DisplayName("Retry-After is the time until enough of the oldest holds leave the window")
  void retryAfterCountsToTheHoldThatFreesRoom() {
    HoldLedger ledger = new HoldLedger(100);
    ledger.take(List.of(limit("a", 3)), 1, T0);
    ledger.take(List.of(limit("a", 3)), 1, T0.plusSeconds(600));
    ledger.take(List.of(limit("a", 3)), 1, T0.plusSeconds(1200));
    assertThatThrownBy(() -> ledger.take(List.of(limit("a", 3)), 2, T0.plusMillis(1_800_500)))
        .isInstanceOfSatisfying(TooManyRequestsException.class,
            e -> assertThat(e.retryAfterSeconds()).as("the second hold leaves at T0+70 min").isEqualTo(2400));
    ledger.take(List.of(limit("a", 3)), 2, T0.plus(Duration.ofMinutes(70)));
  }

  @Test
  @DisplayName("given-back holds free their room; the least recently used keys beyond the bound are forgotten")
  void giveBackAndTheKeyBound() {
    HoldLedger ledger = new HoldLedger(3);
    ledger.take(List.of(limit("a", 1)), 1, T0);
    ledger.giveBack(List.of(limit("a", 1)), 1, T0);
    ledger.take(List.of(limit("a", 1)), 1, T0);
    for (String key : List.of("b", "c", "d", "e")) {
      ledger.take(List.of(limit(key, 1)), 1, T0);
    }
    assertThat(ledger.keys()).isEqualTo(3);
    ledger.take(List.of(limit("a", 1)), 1, T0);
  }
}
