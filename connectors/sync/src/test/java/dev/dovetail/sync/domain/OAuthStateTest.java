package dev.dovetail.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OAuthStateTest {

  private static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");
  private final OAuthState states = new OAuthState("a hub secret key of at least 32 bytes!".getBytes(
      StandardCharsets.UTF_8));

  @Test
  @DisplayName("the state verifies for its provider and service until it expires, and for nobody else")
  void stateIsBoundAndExpires() {
    String state = states.issue("acme", CalendarProvider.GOOGLE, NOW.plusSeconds(900));

    assertThat(states.verify(state, "acme", CalendarProvider.GOOGLE, NOW)).isTrue();
    assertThat(states.verify(state, "evil", CalendarProvider.GOOGLE, NOW)).isFalse();
    assertThat(states.verify(state, "acme", CalendarProvider.OUTLOOK, NOW)).isFalse();
    assertThat(states.verify(state, "acme", CalendarProvider.GOOGLE, NOW.plusSeconds(900))).isFalse();
  }

  @Test
  @DisplayName("a forged or altered state is refused")
  void forgedStatesAreRefused() {
    String state = states.issue("acme", CalendarProvider.GOOGLE, NOW.plusSeconds(900));
    String[] parts = state.split("\\.");
    String longer = parts[0] + "." + parts[1] + ".9999999999." + parts[3] + "." + parts[4];

    assertThat(states.verify("acme.google.9999999999.00.AAAA", "acme", CalendarProvider.GOOGLE, NOW)).isFalse();
    assertThat(states.verify(longer, "acme", CalendarProvider.GOOGLE, NOW)).isFalse();
    assertThat(states.verify(null, "acme", CalendarProvider.GOOGLE, NOW)).isFalse();
    assertThat(states.verify("garbage", "acme", CalendarProvider.GOOGLE, NOW)).isFalse();
  }
}
