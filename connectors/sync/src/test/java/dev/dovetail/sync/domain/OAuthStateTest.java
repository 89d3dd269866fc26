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
  @DisplayName("the state names its provider for its service and browser until it expires, and for nothing else")
  void stateIsBoundAndExpires() {
    String state = states.issue("acme", CalendarProvider.GOOGLE, "nonce-1", NOW.plusSeconds(900));

    assertThat(states.verify(state, CalendarProvider.GOOGLE, "nonce-1", NOW)).contains("acme");
    assertThat(states.verify(state, CalendarProvider.OUTLOOK, "nonce-1", NOW)).isEmpty();
    assertThat(states.verify(state, CalendarProvider.GOOGLE, "nonce-2", NOW)).as("another browser").isEmpty();
    assertThat(states.verify(state, CalendarProvider.GOOGLE, null, NOW)).as("no nonce cookie").isEmpty();
    assertThat(states.verify(state, CalendarProvider.GOOGLE, "nonce-1", NOW.plusSeconds(900))).isEmpty();
    assertThat(state).doesNotContain("nonce-1");
  }

  @Test
  @DisplayName("a forged or altered state is refused")
  void forgedStatesAreRefused() {
    String state = states.issue("acme", CalendarProvider.GOOGLE, "nonce-1", NOW.plusSeconds(900));
    String[] parts = state.split("\\.");
    String longer = parts[0] + "." + parts[1] + ".9999999999." + parts[3] + "." + parts[4];
    String other = "evil." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4];

    assertThat(states.verify("acme.google.9999999999.00.AAAA", CalendarProvider.GOOGLE, "nonce-1", NOW)).isEmpty();
    assertThat(states.verify(longer, CalendarProvider.GOOGLE, "nonce-1", NOW)).isEmpty();
    assertThat(states.verify(other, CalendarProvider.GOOGLE, "nonce-1", NOW)).isEmpty();
    assertThat(states.verify(null, CalendarProvider.GOOGLE, "nonce-1", NOW)).isEmpty();
    assertThat(states.verify("garbage", CalendarProvider.GOOGLE, "nonce-1", NOW)).isEmpty();
  }
}
