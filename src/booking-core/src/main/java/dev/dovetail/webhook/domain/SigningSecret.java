package dev.dovetail.webhook.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * An endpoint's signing secret in the Standard Webhooks form {@code whsec_<base64 of 24 random bytes>}. A secret
 * replaced by rotation keeps signing until {@code expiresAt}; the current one has none.
 */
public record SigningSecret(String value, Instant createdAt, Instant expiresAt) {

  private static final String PREFIX = "whsec_";
  private static final int BYTES = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  public SigningSecret {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(createdAt, "createdAt");
    key(value);
  }

  public static SigningSecret generate(Instant now) {
    byte[] key = new byte[BYTES];
    RANDOM.nextBytes(key);
    return new SigningSecret(PREFIX + Base64.getEncoder().encodeToString(key), now, null);
  }

  /** The HMAC key: the base64 part decoded. */
  public byte[] key() {
    return key(value);
  }

  public boolean validAt(Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }

  public SigningSecret expiringAt(Instant when) {
    return new SigningSecret(value, createdAt, when);
  }

  private static byte[] key(String value) {
    if (!value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
    }
    return Base64.getDecoder().decode(value.substring(PREFIX.length()));
  }
}
