package dev.dovetail.sync.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The id the hub proposes for a booking's external event: derived from connection and booking, so a create retried
 * after a lost answer hits the same event. Characters are base32hex (0-9, a-v), as Google requires for event ids; Graph
 * takes it as the transactionId.
 */
public final class OutboundIds {

  private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();

  private OutboundIds() {}

  public static String proposedId(String connectionId, String bookingId) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256")
          .digest((connectionId + "|" + bookingId).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    StringBuilder id = new StringBuilder("dvt");
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < 20; i++) {
      buffer = (buffer << 8) | (digest[i] & 0xff);
      bits += 8;
      while (bits >= 5) {
        id.append(BASE32HEX[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    return id.toString();
  }
}
