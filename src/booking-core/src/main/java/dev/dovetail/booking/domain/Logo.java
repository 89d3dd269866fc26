package dev.dovetail.booking.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A provider's logo as uploaded (ADR 57): PNG, JPEG or WebP, recognised by its first bytes (never by a declared type),
 * at most {@link #MAX_BYTES}, each side from {@link #MIN_SIDE} to {@link #MAX_SIDE} pixels as the image header says.
 * {@code hash} names this exact content: the logo's address carries it, so the address can be cached for good.
 */
public record Logo(Format format, int width, int height, String hash, byte[] bytes) {

  public static final int MAX_BYTES = 200 * 1024;
  public static final int MIN_SIDE = 16;
  public static final int MAX_SIDE = 2048;

  /** The image formats a logo may have, with the media type it is served as. */
  public enum Format {
    PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp");

    private final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /**
   * The logo in {@code bytes}; fails with an {@link InvalidRequestException} naming the reason when they are empty,
   * too large, not a PNG, JPEG or WebP image (an SVG included), or of sides out of bounds.
   */
  public static Logo parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidRequestException("logo: the image is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidRequestException("logo: at most " + MAX_BYTES / 1024 + " kB, this image has "
          + (bytes.length + 1023) / 1024 + " kB");
    }
    Format format = formatOf(bytes);
    int[] size = switch (format) {
      case PNG -> pngSize(bytes);
      case JPEG -> jpegSize(bytes);
      case WEBP -> webpSize(bytes);
    };
    if (size[0] < MIN_SIDE || size[1] < MIN_SIDE || size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
      throw new InvalidRequestException("logo: each side must be " + MIN_SIDE + " to " + MAX_SIDE
          + " pixels, this image is " + size[0] + " × " + size[1]);
    }
    return new Logo(format, size[0], size[1], sha256(bytes), bytes.clone());
  }

  /** The logo's stored reference: what pages and mails need to show it. */
  public LogoRef ref() {
    return new LogoRef(hash, format, width, height);
  }

  private static Format formatOf(byte[] b) {
    if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return Format.PNG;
    }
    if (startsWith(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Format.JPEG;
    }
    if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
      return Format.WEBP;
    }
    throw new InvalidRequestException("logo: only PNG, JPEG or WebP images are taken (SVG is not)");
  }

  private static int[] pngSize(byte[] b) {
    if (b.length < 24 || !startsWith(b, 12, ascii("IHDR"))) {
      throw unreadable("PNG");
    }
    return new int[] {int32(b, 16), int32(b, 20)};
  }

  /** The first start-of-frame segment's sides; segments are walked by their lengths. */
  private static int[] jpegSize(byte[] b) {
    int at = 2;
    while (at + 9 < b.length) {
      if ((b[at] & 0xff) != 0xff) {
        throw unreadable("JPEG");
      }
      int marker = b[at + 1] & 0xff;
      if (marker == 0xff) {
        at++;
        continue; // fill byte
      }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue; // no length
      }
      boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (frame) {
        return new int[] {uint16(b, at + 7), uint16(b, at + 5)};
      }
      if (marker == 0xd9 || marker == 0xda) {
        break; // end of image, or scan data before any frame header
      }
      at += 2 + uint16(b, at + 2);
    }
    throw unreadable("JPEG");
  }

  private static int[] webpSize(byte[] b) {
    if (b.length < 30) {
      throw unreadable("WebP");
    }
    if (startsWith(b, 12, ascii("VP8X"))) {
      return new int[] {1 + int24le(b, 24), 1 + int24le(b, 27)};
    }
    if (startsWith(b, 12, ascii("VP8L")) && (b[20] & 0xff) == 0x2f) {
      int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
      return new int[] {1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff)};
    }
    if (startsWith(b, 12, ascii("VP8 ")) && (b[23] & 0xff) == 0x9d && (b[24] & 0xff) == 0x01
        && (b[25] & 0xff) == 0x2a) {
      return new int[] {uint16le(b, 26) & 0x3fff, uint16le(b, 28) & 0x3fff};
    }
    throw unreadable("WebP");
  }

  private static InvalidRequestException unreadable(String format) {
    return new InvalidRequestException("logo: the " + format + " image's header cannot be read");
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    return b.length >= at + prefix.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static int int32(byte[] b, int at) {
    long v = (b[at] & 0xffL) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private static int uint16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static int uint16le(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int int24le(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
  }

  private static String sha256(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
