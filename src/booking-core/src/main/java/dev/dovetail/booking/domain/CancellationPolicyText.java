package dev.dovetail.booking.domain;

import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A booking type's cancellation policy in plain words, from the message catalogue: the one sentence the booking page
 * (under the price), the manage page (beside the exact refund) and the confirmation mail all show (ADR 68).
 */
public final class CancellationPolicyText {

  private static final Messages MESSAGES = Messages.catalogue();

  private CancellationPolicyText() {}

  /**
   * Whether the policy says more than "cancel any time before the start": the type takes payment online, so its tiers
   * decide a refund.
   */
  public static boolean worthSaying(BookingType type) {
    return type.payment() != PaymentRequirement.NONE && type.price().minorUnits() > 0;
  }

  /**
   * The policy as the customer reads it: for a type paid online, each refund tier from the longest notice down (the
   * longest notice that applies decides, as {@code RefundPolicy} computes it), then "later".
   */
  public static String of(BookingType type, Language language) {
    if (!worthSaying(type)) {
      return MESSAGES.get(language, "policy.free");
    }
    List<CancellationTier> tiers = type.cancellationPolicy().stream()
        .sorted(Comparator.comparing(CancellationTier::noticeBeforeStart).reversed()).toList();
    if (tiers.isEmpty()) {
      return MESSAGES.get(language, "policy.noRefund");
    }
    StringBuilder text = new StringBuilder();
    for (CancellationTier tier : tiers) {
      text.append(tier.noticeBeforeStart().isZero() ? MESSAGES.get(language, "policy.upToStart")
              : MESSAGES.get(language, "policy.before", Map.of("notice", notice(tier.noticeBeforeStart(), language))))
          .append(": ").append(refund(tier.refundPercent(), language)).append(" · ");
    }
    boolean coversAll = tiers.get(tiers.size() - 1).noticeBeforeStart().isZero();
    return coversAll ? text.substring(0, text.length() - 3)
        : text.append(MESSAGES.get(language, "policy.later")).toString();
  }

  /** "45 minutes", "1 hour", "2 hours" in {@code language}. */
  public static String length(Duration duration, Language language) {
    long minutes = duration.toMinutes();
    if (minutes % 60 == 0) {
      return hours(minutes / 60, language);
    }
    return MESSAGES.get(language, "duration.minutes", Map.of("count", minutes));
  }

  private static String notice(Duration notice, Language language) {
    long hours = notice.toHours();
    if (hours >= 48 && hours % 24 == 0) {
      return MESSAGES.get(language, "duration.days", Map.of("count", hours / 24));
    }
    return hours >= 1 && notice.toMinutesPart() == 0 ? hours(hours, language) : length(notice, language);
  }

  private static String hours(long hours, Language language) {
    return hours == 1 ? MESSAGES.get(language, "duration.hour")
        : MESSAGES.get(language, "duration.hours", Map.of("count", hours));
  }

  private static String refund(int percent, Language language) {
    return percent == 100 ? MESSAGES.get(language, "policy.fullRefund") : percent == 0
        ? MESSAGES.get(language, "policy.nothing") : MESSAGES.get(language, "policy.percent", Map.of("percent", percent));
  }
}
