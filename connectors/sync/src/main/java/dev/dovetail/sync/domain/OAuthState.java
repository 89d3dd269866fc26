package dev.dovetail.sync.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth {@code state} parameter: binds the consent round trip to the provider who started it, the calendar
 * service, an expiry and the browser that started it, signed with HMAC-SHA256 under a key derived from the hub's
 * secret key, so a callback with a forged, foreign or stale state is refused (CSRF on the redirect). The browser
 * binding is a keyed hash of a nonce that the hub also sets in a short-lived cookie when the flow starts: the
 * callback, reached from the service's own site where the Strict session cookie is not sent, names its provider by
 * the state alone and proves by that cookie that it runs in the browser that began the flow. Nothing is stored.
 */
public final class OAuthState {

  private static final String LABEL = "dovetail/oauth-state/v2";
  private final byte[] key;

  public OAuthState(byte[] secretKey) {
    this.key = hmac(secretKey, LABEL);
  }

  /** The state for {@code providerId} connecting {@code provider} in the browser holding {@code browserNonce}. */
  public String issue(String providerId, CalendarProvider provider, String browserNonce, Instant expiresAt) {
    String body = providerId + "." + provider.key() + "." + expiresAt.getEpochSecond() + "." + binding(browserNonce);
    return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, body));
  }

  /**
   * The provider id of {@code state} if this hub issued it for {@code provider}, for the browser holding
   * {@code browserNonce}, and it has not expired at {@code now}; empty otherwise.
   */
  public Optional<String> verify(String state, CalendarProvider provider, String browserNonce, Instant now) {
    if (state == null || state.length() > 300 || browserNonce == null || browserNonce.isBlank()) {
      return Optional.empty();
    }
    int lastDot = state.lastIndexOf('.');
    if (lastDot < 0) {
      return Optional.empty();
    }
    String body = state.substring(0, lastDot);
    byte[] mac;
    try {
      mac = Base64.getUrlDecoder().decode(state.substring(lastDot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(mac, hmac(key, body))) {
      return Optional.empty();
    }
    String[] parts = body.split("\\.");
    if (parts.length != 4 || parts[0].isEmpty() || !parts[1].equals(provider.key())
        || !MessageDigest.isEqual(parts[3].getBytes(StandardCharsets.US_ASCII),
            binding(browserNonce).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      return now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2]))) ? Optional.of(parts[0])
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The nonce as it appears in the state: keyed, so the state (which travels in URLs) does not reveal the cookie. */
  private String binding(String browserNonce) {
    byte[] full = hmac(key, "browser:" + browserNonce);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
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
