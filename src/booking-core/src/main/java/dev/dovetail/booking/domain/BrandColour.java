package dev.dovetail.booking.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A provider's brand colour, {@code #rrggbb}, and the text colour that stays readable on it (ADR 57). Every colour is
 * accepted: of black and white text, the one with the higher WCAG 2 contrast ratio against the colour is at least
 * 4.58:1, which meets AA for normal text. The pages and mails use the brand colour only as a fill behind that text.
 */
public record BrandColour(String hex) {

  private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");
  public static final String BLACK = "#000000";
  public static final String WHITE = "#ffffff";
  /** WCAG 2 AA for normal text. */
  public static final double AA = 4.5;

  public BrandColour {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new InvalidRequestException("brandColour must be a colour like #1a6b4f (# and six hex digits)");
    }
  }

  /** {@code text} as a colour, upper or lower case; fails with an {@link InvalidRequestException} otherwise. */
  public static BrandColour parse(String text) {
    if (text == null || text.length() != 7) {
      throw new InvalidRequestException("brandColour must be a colour like #1a6b4f (# and six hex digits)");
    }
    return new BrandColour(text.toLowerCase(Locale.ROOT));
  }

  /** The six hex digits without the {@code #}. */
  public String digits() {
    return hex.substring(1);
  }

  /** Black or white, whichever contrasts more with this colour (at least 4.58:1). */
  public String textColour() {
    return contrast(WHITE) >= contrast(BLACK) ? WHITE : BLACK;
  }

  /** The WCAG 2 contrast ratio between this colour and {@code other} ({@code #rrggbb}), from 1 to 21. */
  public double contrast(String other) {
    double a = luminance(hex);
    double b = luminance(new BrandColour(other).hex());
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** WCAG 2 relative luminance of a {@code #rrggbb} colour. */
  static double luminance(String hex) {
    return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  }

  private static double channel(String hex, int at) {
    double c = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
