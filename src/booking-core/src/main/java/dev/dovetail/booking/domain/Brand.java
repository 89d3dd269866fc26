package dev.dovetail.booking.domain;

import java.util.Objects;
import java.util.Set;

/**
 * How a provider's customer pages and mails look and speak (ADR 57): its brand colour ({@code null}: the hub's own),
 * its logo ({@code null}: none), and its language, one of {@link #LANGUAGES} (stored for the translated pages to come).
 */
public record Brand(BrandColour colour, LogoRef logo, String language) {

  public static final Set<String> LANGUAGES = Set.of("en", "de");
  public static final String DEFAULT_LANGUAGE = "en";

  public Brand {
    Objects.requireNonNull(language, "language");
    if (!LANGUAGES.contains(language)) {
      throw new InvalidRequestException("language must be one of en, de");
    }
  }

  /** The hub's colours, no logo, English. */
  public static Brand none() {
    return new Brand(null, null, DEFAULT_LANGUAGE);
  }

  public Brand withColour(BrandColour newColour) {
    return new Brand(newColour, logo, language);
  }

  public Brand withLogo(LogoRef newLogo) {
    return new Brand(colour, newLogo, language);
  }

  public Brand withLanguage(String newLanguage) {
    return new Brand(colour, logo, newLanguage);
  }
}
