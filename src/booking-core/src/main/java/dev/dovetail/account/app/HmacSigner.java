package dev.dovetail.account.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for one purpose (the purpose is signed with every payload, so a signature made for one
 * purpose is worthless for another), as unpadded base64url; verification in constant time.
 */
final class HmacSigner {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final String purpose;

  /** @param what names the key in the error when it is shorter than 32 bytes */
  HmacSigner(byte[] key, String purpose, String what) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the " + what + " key needs at least 32 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.purpose = purpose;
  }

  String sign(String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal((purpose + payload).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  boolean verify(String payload, String signature) {
    return MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
        sign(payload).getBytes(StandardCharsets.US_ASCII));
  }
}
