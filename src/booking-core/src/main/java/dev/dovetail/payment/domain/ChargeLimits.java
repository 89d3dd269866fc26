package dev.dovetail.payment.domain;

import dev.dovetail.booking.domain.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's smallest and largest charge per currency ("Minimum and maximum charge amounts", docs.stripe.com/currencies):
 * about 0.50 USD-equivalent at least, at most 8 digits of minor units. A PaymentIntent outside them is refused
 * ({@code amount_too_small} / {@code amount_too_large}), so a booking type that would charge such an amount could never
 * be booked. Currencies missing here are only held to the maximum: Stripe checks them after converting to the
 * account's settlement currency, which the hub does not know.
 */
public final class ChargeLimits {

  /** Stripe's maximum for every currency here: 99,999,999 minor units (999,999.99 EUR). */
  public static final long MAXIMUM_MINOR_UNITS = 99_999_999L;

  private record Minimum(long minorUnits, int decimals) { }

  private static final Map<String, Minimum> MINIMUMS = Map.ofEntries(
      Map.entry("USD", new Minimum(50, 2)), Map.entry("AED", new Minimum(200, 2)),
      Map.entry("AUD", new Minimum(50, 2)), Map.entry("BGN", new Minimum(100, 2)),
      Map.entry("BRL", new Minimum(50, 2)), Map.entry("CAD", new Minimum(50, 2)),
      Map.entry("CHF", new Minimum(50, 2)), Map.entry("CZK", new Minimum(1_500, 2)),
      Map.entry("DKK", new Minimum(250, 2)), Map.entry("EUR", new Minimum(50, 2)),
      Map.entry("GBP", new Minimum(30, 2)), Map.entry("HKD", new Minimum(400, 2)),
      Map.entry("HUF", new Minimum(17_500, 2)), Map.entry("INR", new Minimum(50, 2)),
      Map.entry("JPY", new Minimum(50, 0)), Map.entry("MXN", new Minimum(1_000, 2)),
      Map.entry("MYR", new Minimum(200, 2)), Map.entry("NOK", new Minimum(300, 2)),
      Map.entry("NZD", new Minimum(50, 2)), Map.entry("PLN", new Minimum(200, 2)),
      Map.entry("RON", new Minimum(200, 2)), Map.entry("SEK", new Minimum(300, 2)),
      Map.entry("SGD", new Minimum(50, 2)), Map.entry("THB", new Minimum(1_000, 2)));

  private ChargeLimits() {
  }

  /** Stripe's minimum charge in {@code currency}, if this table knows it. */
  public static Optional<Money> minimum(String currency) {
    return Optional.ofNullable(MINIMUMS.get(currency)).map(m -> new Money(m.minorUnits(), currency));
  }

  /**
   * Refuses an amount Stripe would refuse to charge, naming the limit.
   *
   * @param what what the amount is, for the message ("the deposit", "the price")
   * @throws IllegalArgumentException when {@code amount} is below the currency's minimum or above the maximum
   */
  public static void requireChargeable(String what, Money amount) {
    Minimum minimum = MINIMUMS.get(amount.currency());
    if (minimum != null && amount.minorUnits() < minimum.minorUnits()) {
      throw new IllegalArgumentException(what + " is " + show(amount.minorUnits(), minimum.decimals(),
          amount.currency()) + ", below Stripe's minimum charge for " + amount.currency() + " of "
          + show(minimum.minorUnits(), minimum.decimals(), amount.currency()) + " (" + minimum.minorUnits()
          + " minor units)");
    }
    if (amount.minorUnits() < 1 || amount.minorUnits() > MAXIMUM_MINOR_UNITS) {
      throw new IllegalArgumentException(what + " is " + amount.minorUnits() + " minor units of " + amount.currency()
          + "; Stripe charges from 1 to " + MAXIMUM_MINOR_UNITS + " minor units");
    }
  }

  private static String show(long minorUnits, int decimals, String currency) {
    return BigDecimal.valueOf(minorUnits, decimals).toPlainString() + " " + currency;
  }
}
