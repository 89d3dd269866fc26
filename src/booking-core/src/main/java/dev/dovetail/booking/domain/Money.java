package dev.dovetail.booking.domain;

import java.util.Objects;

/** An amount in integer minor units (cents) of an ISO 4217 currency. Never floating point. */
public record Money(long minorUnits, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR: " + currency);
    }
    if (minorUnits < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + minorUnits);
    }
  }

  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  /** The given whole percentage of this amount, rounded down to the minor unit (never refunds more than owed). */
  public Money percent(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be within 0..100: " + percent);
    }
    return new Money(Math.multiplyExact(minorUnits, percent) / 100, currency);
  }
}
