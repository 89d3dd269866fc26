package dev.dovetail.booking.domain;

import java.time.Duration;
import java.util.Objects;

/** One tier of a cancellation policy: cancelling at least {@code noticeBeforeStart} ahead refunds this percentage. */
public record CancellationTier(Duration noticeBeforeStart, int refundPercent) {

  public CancellationTier {
    Objects.requireNonNull(noticeBeforeStart, "noticeBeforeStart");
    if (noticeBeforeStart.isNegative()) {
      throw new IllegalArgumentException("notice must not be negative");
    }
    if (refundPercent < 0 || refundPercent > 100) {
      throw new IllegalArgumentException("refund percent must be within 0..100: " + refundPercent);
    }
  }
}
