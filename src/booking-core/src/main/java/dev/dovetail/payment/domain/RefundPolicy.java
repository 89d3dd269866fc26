package dev.dovetail.payment.domain;

import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a cancellation refunds. A tier applies when the cancellation is at least its notice ahead of the start, both
 * taken as UTC instants (so "24 hours before" is 24 elapsed hours, also across a DST change); of the tiers that apply,
 * the one with the longest notice decides. No tier applies: nothing is refunded. A refund rounds down to the minor unit.
 */
public final class RefundPolicy {

  private RefundPolicy() {}

  /** The refund percentage (0..100) for a cancellation at {@code cancelledAt} of a booking starting at {@code start}. */
  public static int percentAt(List<CancellationTier> tiers, Instant start, Instant cancelledAt) {
    Duration notice = Duration.between(cancelledAt, start);
    CancellationTier best = null;
    for (CancellationTier tier : tiers) {
      if (notice.compareTo(tier.noticeBeforeStart()) >= 0
          && (best == null || tier.noticeBeforeStart().compareTo(best.noticeBeforeStart()) > 0)) {
        best = tier;
      }
    }
    return best == null ? 0 : best.refundPercent();
  }

  /** The refund of {@code paid} for a cancellation at {@code cancelledAt}. */
  public static Money refundAt(List<CancellationTier> tiers, Instant start, Instant cancelledAt, Money paid) {
    return paid.percent(percentAt(tiers, start, cancelledAt));
  }
}
