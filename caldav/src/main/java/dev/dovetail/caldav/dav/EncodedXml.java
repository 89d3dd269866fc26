package dev.dovetail.caldav.dav;

import java.nio.charset.StandardCharsets;

/**
 * XML text already encoded as UTF-8, kept to be written as it is ({@link MultiStatus} appends the bytes without
 * encoding or copying them). A cached value such as an object's escaped {@code calendar-data} is one: it is encoded
 * once per object version, not per request. As a {@link CharSequence} it reads as its text (decoded on demand), for
 * the few writers that build text.
 */
public final class EncodedXml implements CharSequence {

  private final byte[] utf8;

  /** {@code utf8} must not change afterwards: it is written out as it is, by every request that uses it. */
  public EncodedXml(byte[] utf8) {
    this.utf8 = utf8;
  }

  /** The bytes, not copied: read them, never write. */
  byte[] utf8() {
    return utf8;
  }

  /** How many bytes the text takes. */
  public int byteLength() {
    return utf8.length;
  }

  @Override
  public String toString() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public int length() {
    return toString().length();
  }

  @Override
  public char charAt(int index) {
    return toString().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }
}
