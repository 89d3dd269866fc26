package dev.dovetail.sync.domain;

import java.util.Locale;

/** The external calendar services a provider can connect. {@code key} prefixes ids, routes and block owners. */
public enum CalendarProvider {
  GOOGLE,
  OUTLOOK;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The provider named by {@code key} ({@code google}, {@code outlook}); IllegalArgumentException otherwise. */
  public static CalendarProvider fromKey(String key) {
    for (CalendarProvider p : values()) {
      if (p.key().equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown calendar provider: " + key);
  }
}
