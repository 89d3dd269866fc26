package dev.dovetail.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.CancellationTier;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CancellationPolicyTextTest {

  private static BookingType type(Money price, PaymentRequirement payment, CancellationTier... tiers) {
    return new BookingType("tea", "alice", "room", "Tea", List.of(Duration.ofHours(1)), Duration.ofMinutes(30),
        Duration.ZERO, Duration.ZERO, Duration.ofHours(1), Duration.ofDays(60), 0, 0, price, payment, List.of(tiers),
        Duration.ofMinutes(15));
  }

  @Test
  @DisplayName("a free type, or one paid on site, says only that it can be cancelled before the start")
  void freeTypes() {
    assertThat(BookingPageHandler.policy(type(Money.zero("EUR"), PaymentRequirement.NONE)))
        .isEqualTo("Cancel online any time before the start");
    assertThat(BookingPageHandler.policy(type(new Money(5000, "EUR"), PaymentRequirement.NONE,
        new CancellationTier(Duration.ofDays(1), 100)))).isEqualTo("Cancel online any time before the start");
  }

  @Test
  @DisplayName("tiers are read longest notice first, whatever order they were saved in, then 'later: no refund'")
  void tiersLongestNoticeFirst() {
    String text = BookingPageHandler.policy(type(new Money(5000, "EUR"), PaymentRequirement.FULL,
        new CancellationTier(Duration.ofHours(24), 50), new CancellationTier(Duration.ofDays(7), 100),
        new CancellationTier(Duration.ofMinutes(90), 0)));
    assertThat(text).isEqualTo("7 days or more before the start: full refund · 24 hours or more before the start: "
        + "50% refunded · 90 minutes or more before the start: no refund · later: no refund");
  }

  @Test
  @DisplayName("a tier without notice covers every cancellation, so nothing follows it; no tiers means no refund")
  void zeroNoticeAndNoTiers() {
    assertThat(BookingPageHandler.policy(type(new Money(5000, "EUR"), PaymentRequirement.DEPOSIT,
        new CancellationTier(Duration.ofHours(48), 100), new CancellationTier(Duration.ZERO, 25))))
        .isEqualTo("2 days or more before the start: full refund · up to the start: 25% refunded");
    assertThat(BookingPageHandler.policy(type(new Money(5000, "EUR"), PaymentRequirement.FULL)))
        .isEqualTo("Cancel online any time before the start; no refund");
  }
}
