package dev.dovetail.account.app;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Password-reset links' secrets, signed and not stored: {@code <base64url(login \n expiry)>.<HMAC-SHA256>}, where the
 * signature also covers the account's password hash at the time of issue (without carrying it). So a token works
 * until {@link #VALIDITY} has passed and only while the password is the one it was issued under: setting a password
 * (with this link, another one, or the settings page) voids every link issued before. All hubs share the key (derived
 * from {@code DOVETAIL_SECRET_KEY}); changing it voids every link (docs/adr/0044-password-reset-and-account-pages.md).
 */
public final class PasswordResetTokens {

  public static final Duration VALIDITY = Duration.ofHours(1);
  private static final String PURPOSE = "dovetail-password-reset-v1:";
  private static final int MAX_LENGTH = 1024;

  /** What a token says, before anyone checked its signature: whose password, and until when. */
  public record Claim(String login, Instant expiresAt) {}

  private final HmacSigner signer;

  public PasswordResetTokens(byte[] key) {
    this.signer = new HmacSigner(key, PURPOSE, "password-reset");
  }

  public String issue(String login, Instant expiresAt, String passwordHash) {
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString((login + "\n" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
    return payload + "." + signer.sign(payload + "\n" + passwordHash);
  }

  /** The token's claim if it has the shape of one; says nothing about whether it is genuine. */
  public Optional<Claim> claim(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot < 1 || dot == token.length() - 1 || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)
          .split("\n", -1);
      return parts.length == 2
          ? Optional.of(new Claim(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1]))))
          : Optional.empty();
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Whether this hub signed {@code token} for an account whose password hash is {@code passwordHash}. */
  public boolean signedFor(String token, String passwordHash) {
    int dot = token.indexOf('.');
    return dot > 0 && signer.verify(token.substring(0, dot) + "\n" + passwordHash, token.substring(dot + 1));
  }
}
