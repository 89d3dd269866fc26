package dev.dovetail.insights.domain;

/**
 * The payments of the range's bookings in one currency, in minor units: {@code taken} captured, {@code refunded}
 * given back, {@code kept} what stayed with the provider of cancelled or no-show bookings (deposits kept).
 */
public record MoneyTotals(String currency, int payments, long taken, long refunded, long kept) {

  /** Revenue after refunds. */
  public long net() {
    return taken - refunded;
  }
}
