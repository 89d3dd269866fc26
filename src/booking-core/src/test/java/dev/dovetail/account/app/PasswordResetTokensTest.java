package dev.dovetail.account.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The password-reset token: what it claims, and that its signature binds the login, expiry and password hash. */
class PasswordResetTokensTest {

  private static final byte[] KEY = "password-reset test key, 32 bytes or more".getBytes(StandardCharsets.UTF_8);
  private static final Instant EXPIRES = Instant.parse("2027-01-12T10:00:00Z");

  private final PasswordResetTokens tokens = new PasswordResetTokens(KEY);

  @Test
  @DisplayName("a token claims its login and expiry, and is signed for the password hash it was issued under only")
  void tokenIsBoundToTheHash() {
    String token = tokens.issue("ünï@example.com", EXPIRES, "$2a$04$hash-one");
    assertThat(tokens.claim(token)).contains(new PasswordResetTokens.Claim("ünï@example.com", EXPIRES));
    assertThat(tokens.signedFor(token, "$2a$04$hash-one")).isTrue();
    assertThat(tokens.signedFor(token, "$2a$04$hash-two")).as("any newer password voids it").isFalse();
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  }

  @Test
  @DisplayName("changing the login or expiry, another key, or garbage: no claim, or a signature that does not hold")
  void tamperedTokensFail() {
    String token = tokens.issue("alice@example.com", EXPIRES, "hash");
    String signature = token.substring(token.indexOf('.') + 1);
    String later = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("alice@example.com\n" + EXPIRES.plusSeconds(86_400).getEpochSecond()).getBytes(StandardCharsets.UTF_8));
    String mallory = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("mallory@example.com\n" + EXPIRES.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
    for (String forged : List.of(later + "." + signature, mallory + "." + signature)) {
      assertThat(tokens.claim(forged)).isPresent();
      assertThat(tokens.signedFor(forged, "hash")).as(forged).isFalse();
    }
    PasswordResetTokens otherHub = new PasswordResetTokens("another hub's key, also 32 bytes long!!"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(otherHub.signedFor(token, "hash")).isFalse();
    for (String garbage : new String[] {null, "", ".", "abc", "abc.", ".abc", "!!!.abc", "YQ.abc",
        "x".repeat(2000) + ".abc"}) {
      assertThat(tokens.claim(garbage)).as(String.valueOf(garbage)).isEmpty();
    }
    assertThatThrownBy(() -> new PasswordResetTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
