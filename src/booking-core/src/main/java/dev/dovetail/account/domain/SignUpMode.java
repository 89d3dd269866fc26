package dev.dovetail.account.domain;

import java.util.Locale;

/**
 * Who may sign up a new provider through the public API ({@code DOVETAIL_SIGNUP}): anyone ({@code OPEN}), nobody
 * ({@code CLOSED}, the default outside the embedded demo), or whoever holds an invitation a provider issued for their
 * e-mail address ({@code INVITE}).
 */
public enum SignUpMode {
  OPEN, CLOSED, INVITE;

  /** Parses {@code open}, {@code closed} or {@code invite} (any case); throws naming the accepted values. */
  public static SignUpMode parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sign-up mode must be open, closed or invite: " + text, e);
    }
  }
}
