package dev.dovetail.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  private final TokenCipher cipher = new TokenCipher("a hub secret key of at least 32 bytes!".getBytes(
      StandardCharsets.UTF_8));

  @Test
  @DisplayName("a sealed refresh token opens to itself, never contains it, and differs each time (random nonce)")
  void sealAndOpen() {
    String sealed = cipher.seal("1//refresh-token", "google-acme");

    assertThat(sealed).startsWith("v1.").doesNotContain("refresh-token");
    assertThat(cipher.open(sealed, "google-acme")).isEqualTo("1//refresh-token");
    assertThat(cipher.seal("1//refresh-token", "google-acme")).isNotEqualTo(sealed);
  }

  @Test
  @DisplayName("a sealed token does not open for another connection, with another key, or after tampering")
  void refusesForeignOrTamperedTokens() {
    String sealed = cipher.seal("1//refresh-token", "google-acme");
    TokenCipher other = new TokenCipher("another hub's secret key, 32 bytes+".getBytes(StandardCharsets.UTF_8));
    char last = sealed.charAt(sealed.length() - 1);
    String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThatThrownBy(() -> cipher.open(sealed, "google-evil")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> other.open(sealed, "google-acme")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.open(tampered, "google-acme")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.open("plain", "google-acme")).isInstanceOf(IllegalArgumentException.class);
  }
}
