package dev.dovetail.waitlist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Claim window: the type's, at most half the time left, none under two minutes")
class ClaimWindowTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  @Test
  @DisplayName("a slot a day away gets the configured window")
  void farSlotGetsConfiguredWindow() {
    assertThat(ClaimWindow.forSlot(Duration.ofMinutes(15), NOW, NOW.plus(Duration.ofDays(1))))
        .contains(Duration.ofMinutes(15));
  }

  @Test
  @DisplayName("a slot 20 minutes away gets 10 minutes, so the next customer still has time")
  void nearSlotGetsHalfTheTimeLeft() {
    assertThat(ClaimWindow.forSlot(Duration.ofMinutes(15), NOW, NOW.plus(Duration.ofMinutes(20))))
        .contains(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("a slot 3 minutes away is not offered")
  void slotTooNearIsNotOffered() {
    assertThat(ClaimWindow.forSlot(Duration.ofMinutes(15), NOW, NOW.plus(Duration.ofMinutes(3)))).isEmpty();
  }
}
