package dev.dovetail.payment.domain;

import dev.dovetail.booking.domain.Money;

/**
 * How large a deposit is: a fixed amount in minor units of the price's currency, or a whole percentage of the price.
 * Never more than the price.
 */
public record DepositRule(Kind kind, long value) {

  public enum Kind {
    FIXED,
    PERCENT
  }

  public DepositRule {
    if (kind == null) {
      throw new IllegalArgumentException("deposit kind is required (FIXED or PERCENT)");
    }
    if (value < 0) {
      throw new IllegalArgumentException("deposit must not be negative: " + value);
    }
    if (kind == Kind.PERCENT && (value < 1 || value > 100)) {
      throw new IllegalArgumentException("deposit percentage must be within 1..100: " + value);
    }
    if (kind == Kind.FIXED && value < 1) {
      throw new IllegalArgumentException("a fixed deposit must be at least 1 minor unit");
    }
  }

  public static DepositRule fixed(long minorUnits) {
    return new DepositRule(Kind.FIXED, minorUnits);
  }

  public static DepositRule percent(int percent) {
    return new DepositRule(Kind.PERCENT, percent);
  }

  /** The deposit on {@code price}: a percentage rounds down to the minor unit; a fixed amount is capped at the price. */
  public Money of(Money price) {
    return kind == Kind.PERCENT
        ? price.percent((int) value)
        : new Money(Math.min(value, price.minorUnits()), price.currency());
  }
}
