package dev.dovetail.web.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes a dashboard session verifiable: at log-in the session gets {@code HMAC-SHA256(key, sessionId, providerId)},
 * and a session is believed only with a seal that matches its own id and provider. Sessions live in a Hazelcast map
 * when clustered, so anyone who can write that map could otherwise mint a session for any provider; without the key
 * (derived from {@code DOVETAIL_SECRET_KEY}, the same on every hub) they cannot (ADR 25).
 */
public final class SessionSeal {

  public static final String SESSION_KEY = "seal";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public SessionSeal(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the session key needs at least 32 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** A seal with a key of this process only: enough for one hub that is not clustered. */
  public static SessionSeal random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SessionSeal(key);
  }

  public String seal(String sessionId, String providerId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(("dovetail-session-v1:" + sessionId + "\n" + providerId)
          .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** Whether {@code seal} was made by this key for this session id and provider (constant time). */
  public boolean verify(String sessionId, String providerId, String seal) {
    if (sessionId == null || providerId == null || seal == null) {
      return false;
    }
    return MessageDigest.isEqual(seal.getBytes(StandardCharsets.US_ASCII),
        seal(sessionId, providerId).getBytes(StandardCharsets.US_ASCII));
  }
}
