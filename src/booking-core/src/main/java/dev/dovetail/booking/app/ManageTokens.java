package dev.dovetail.booking.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret in a customer's manage link: {@code <bookingId>.<HMAC-SHA256(key, bookingId)>}. Signed rather than
 * stored, so that every later message (reminders, reschedule notices) can carry the link again; verified in constant
 * time. All hubs of a cluster must share the key ({@code DOVETAIL_SECRET_KEY}); changing it invalidates every link.
 */
public final class ManageTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private static final String PURPOSE = "dovetail-manage-link-v1:";

  private final SecretKeySpec key;

  public ManageTokens(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the manage-link key needs at least 32 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  public String issue(String bookingId) {
    return bookingId + "." + signature(bookingId);
  }

  /** The booking id the token was issued for, if its signature is valid. */
  public Optional<String> bookingIdOf(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot < 1 || dot == token.length() - 1) {
      return Optional.empty();
    }
    String bookingId = token.substring(0, dot);
    byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = signature(bookingId).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(presented, expected) ? Optional.of(bookingId) : Optional.empty();
  }

  private String signature(String bookingId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal((PURPOSE + bookingId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
