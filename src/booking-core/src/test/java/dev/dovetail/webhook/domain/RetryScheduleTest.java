package dev.dovetail.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RetrySchedule backs off exponentially with jitter for about 3 days")
class RetryScheduleTest {

  static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
  final RetrySchedule schedule = RetrySchedule.DEFAULT;

  @Test
  @DisplayName("delays double up to the cap, jitter stays within half and all of the delay")
  void backOff() {
    assertThat(schedule.delay(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(schedule.delay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(schedule.delay(40)).isEqualTo(Duration.ofHours(6));
    assertThat(schedule.next(3, NOW, NOW, () -> 0.0)).contains(NOW.plusSeconds(10));
    assertThat(schedule.next(3, NOW, NOW, () -> 0.999999).orElseThrow()).isBefore(NOW.plusSeconds(20));
  }

  @Test
  @DisplayName("keeps retrying for 3 days, then gives up")
  void givesUpAfterThreeDays() {
    Instant at = NOW;
    int attempts = 0;
    Optional<Instant> next;
    while ((next = schedule.next(++attempts, NOW, at, () -> 0.5)).isPresent()) {
      at = next.get();
    }
    assertThat(at).isAfter(NOW.plus(Duration.ofDays(2))).isBefore(NOW.plus(Duration.ofDays(3)));
    assertThat(attempts).isBetween(15, 40);
  }

  @Test
  @DisplayName("an endpoint failing unbroken for 3 days is disabled")
  void disables() {
    WebhookEndpoint endpoint = new WebhookEndpoint("e1", "acme", "https://example.com/h",
        Set.of(EventType.BOOKING_CREATED), null, true, List.of(SigningSecret.generate(NOW)), null, null, NOW);
    WebhookEndpoint failing = endpoint.failed(NOW);
    assertThat(schedule.shouldDisable(failing, NOW.plus(Duration.ofDays(3)).minusMillis(1))).isFalse();
    assertThat(schedule.shouldDisable(failing, NOW.plus(Duration.ofDays(3)))).isTrue();
    assertThat(schedule.shouldDisable(failing.succeeded(), NOW.plus(Duration.ofDays(4)))).isFalse();
  }
}
