package dev.dovetail.kernel.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * A language the customer pages and mails are written in (ADR 62). English is the hub's own: what a page falls back
 * to, and what a booking stored before languages existed reads as.
 */
public enum Language {
  EN("en", Locale.ENGLISH),
  DE("de", Locale.GERMAN);

  private final String tag;
  private final Locale locale;

  Language(String tag, Locale locale) {
    this.tag = tag;
    this.locale = locale;
  }

  /** The BCP 47 primary tag, as in {@code <html lang>}, {@code ?lang=} and the stored booking: "en", "de". */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /** The language with primary tag {@code tag} (case ignored; "de-AT" is German), or empty for any other. */
  public static Optional<Language> of(String tag) {
    if (tag == null || tag.isEmpty() || tag.length() > 35) {
      return Optional.empty();
    }
    int dash = tag.indexOf('-');
    String primary = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      if (language.tag.equals(primary)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /** {@link #of}, or English for null, blank or unknown (a booking stored before languages existed). */
  public static Language orEnglish(String tag) {
    return of(tag).orElse(EN);
  }
}
