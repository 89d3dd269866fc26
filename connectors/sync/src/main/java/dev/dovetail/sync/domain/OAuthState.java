package dev.dovetail.sync.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth {@code state} parameter: binds the consent round trip to the provider who started it, the calendar
 * service, and an expiry, signed with HMAC-SHA256 under a key derived from the hub's secret key, so a callback with a
 * forged, foreign or stale state is refused (CSRF on the redirect). Nothing is stored.
 */
public final class OAuthState {

  private static final String LABEL = "dovetail/oauth-state/v1";
  private final byte[] key;
  private final SecureRandom random = new SecureRandom();

  public OAuthState(byte[] secretKey) {
    this.key = hmac(secretKey, LABEL);
  }

  public String issue(String providerId, CalendarProvider provider, Instant expiresAt) {
    byte[] nonceBytes = new byte[12];
    random.nextBytes(nonceBytes);
    String nonce = HexFormat.of().formatHex(nonceBytes);
    String body = providerId + "." + provider.key() + "." + expiresAt.getEpochSecond() + "." + nonce;
    return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, body));
  }

  /** Whether {@code state} was issued by this hub for this provider and service and has not expired at {@code now}. */
  public boolean verify(String state, String providerId, CalendarProvider provider, Instant now) {
    if (state == null || state.length() > 300) {
      return false;
    }
    int lastDot = state.lastIndexOf('.');
    if (lastDot < 0) {
      return false;
    }
    String body = state.substring(0, lastDot);
    byte[] mac;
    try {
      mac = Base64.getUrlDecoder().decode(state.substring(lastDot + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!MessageDigest.isEqual(mac, hmac(key, body))) {
      return false;
    }
    String[] parts = body.split("\\.");
    if (parts.length != 4 || !parts[0].equals(providerId) || !parts[1].equals(provider.key())) {
      return false;
    }
    try {
      return now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2])));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
