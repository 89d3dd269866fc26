package dev.dovetail.sync.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts OAuth refresh tokens at rest: AES-256-GCM with a 96-bit random nonce, under a key derived from the hub's
 * secret key (HMAC-SHA256 of it over a fixed label, so the manage-link key itself is never used for encryption). The
 * connection id is the associated data, so a sealed token copied onto another connection does not open. Format:
 * {@code v1.<base64url(nonce | ciphertext+tag)>}.
 */
public final class TokenCipher {

  private static final String VERSION = "v1.";
  private static final String LABEL = "dovetail/refresh-tokens/v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public TokenCipher(byte[] secretKey) {
    if (secretKey.length < 32) {
      throw new IllegalArgumentException("the secret key must have at least 32 bytes");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
      this.key = new SecretKeySpec(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  public String seal(String plaintext, String connectionId) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is required by every Java platform", e);
    }
  }

  /** The plaintext; IllegalArgumentException if the value was not sealed by this key for this connection. */
  public String open(String sealed, String connectionId) {
    if (sealed == null || !sealed.startsWith(VERSION)) {
      throw new IllegalArgumentException("not a sealed token");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
      if (in.length <= NONCE_BYTES) {
        throw new IllegalArgumentException("sealed token too short");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the sealed token does not open with this key for this connection", e);
    }
  }
}
