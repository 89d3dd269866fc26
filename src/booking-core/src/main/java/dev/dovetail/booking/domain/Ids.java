package dev.dovetail.booking.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Identifier rules and generation. Ids are URL-safe slugs; generated ones carry 128 random bits. */
public final class Ids {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String requireSlug(String value, String what) {
    if (value == null || !SLUG.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit: " + value);
    }
    return value;
  }

  public static boolean isSlug(String value) {
    return value != null && SLUG.matcher(value).matches();
  }

  /** A new random id: 128 bits as 32 lower-case hex digits, so that it is also a valid slug. */
  public static String random() {
    byte[] buffer = new byte[16];
    RANDOM.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }

  /** A URL-safe random secret of the given number of bytes. */
  public static String randomToken(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    return token.startsWith("-") ? "x" + token.substring(1) : token;
  }
}
