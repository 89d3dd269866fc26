package dev.dovetail.booking.domain;

import java.util.regex.Pattern;

/**
 * Checks of text that ends up in a mail header or an iCalendar line: names, subjects, e-mail addresses. A control
 * character there (CR, LF, NUL, the Unicode line and paragraph separators) could end the header or the line and start
 * a forged one, so such text is refused rather than cleaned.
 */
public final class PlainText {

  /** The e-mail addresses accepted from customers and providers: one {@code @}, a dot in the domain, no spaces. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,63}");
  public static final int MAX_EMAIL_LENGTH = 254;
  /** The longest note a provider may add to a mail to a customer (one line). */
  public static final int MAX_NOTE_LENGTH = 500;

  private PlainText() {}

  /** Whether {@code text} holds a character that may end a header or an iCalendar content line. */
  public static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code email} (surrounding spaces aside) is a plausible address with no control character. */
  public static boolean isEmail(String email) {
    return email != null && email.length() <= MAX_EMAIL_LENGTH && !hasControl(email)
        && EMAIL.matcher(email.strip()).matches();
  }

  /** Throws an {@link InvalidRequestException} when {@code text} holds a control character. */
  public static void requireNoControl(String text, String field) {
    if (text != null && hasControl(text)) {
      throw new InvalidRequestException(field + " must not contain control characters (line breaks, tabs, NUL)");
    }
  }
}
