package dev.dovetail.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.kernel.i18n.Language;
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

  private static String en(BookingType type) {
    return CancellationPolicyText.of(type, Language.EN);
  }

  @Test
  @DisplayName("a free type, or one paid on site, says only that it can be cancelled before the start")
  void freeTypes() {
    assertThat(en(type(Money.zero("EUR"), PaymentRequirement.NONE)))
        .isEqualTo("Cancel online any time before the start");
    assertThat(en(type(new Money(5000, "EUR"), PaymentRequirement.NONE,
        new CancellationTier(Duration.ofDays(1), 100)))).isEqualTo("Cancel online any time before the start");
  }

  @Test
  @DisplayName("tiers are read longest notice first, whatever order they were saved in, then 'later: no refund'")
  void tiersLongestNoticeFirst() {
    String text = en(type(new Money(5000, "EUR"), PaymentRequirement.FULL,
        new CancellationTier(Duration.ofHours(24), 50), new CancellationTier(Duration.ofDays(7), 100),
        new CancellationTier(Duration.ofMinutes(90), 0)));
    assertThat(text).isEqualTo("7 days or more before the start: full refund · 24 hours or more before the start: "
        + "50% refunded · 90 minutes or more before the start: no refund · later: no refund");
  }

  @Test
  @DisplayName("a tier without notice covers every cancellation, so nothing follows it; no tiers means no refund")
  void zeroNoticeAndNoTiers() {
    assertThat(en(type(new Money(5000, "EUR"), PaymentRequirement.DEPOSIT,
        new CancellationTier(Duration.ofHours(48), 100), new CancellationTier(Duration.ZERO, 25))))
        .isEqualTo("2 days or more before the start: full refund · up to the start: 25% refunded");
    assertThat(en(type(new Money(5000, "EUR"), PaymentRequirement.FULL)))
        .isEqualTo("Cancel online any time before the start; no refund");
  }

  @Test
  @DisplayName("German customers read the same tiers from the German catalogue; only paid types are worth saying")
  void germanAndWorthSaying() {
    BookingType paid = type(new Money(5000, "EUR"), PaymentRequirement.FULL,
        new CancellationTier(Duration.ofHours(48), 100), new CancellationTier(Duration.ofHours(24), 50));
    assertThat(CancellationPolicyText.of(paid, Language.DE)).doesNotContain("before the start").contains("50");
    assertThat(CancellationPolicyText.worthSaying(paid)).isTrue();
    assertThat(CancellationPolicyText.worthSaying(type(Money.zero("EUR"), PaymentRequirement.NONE))).isFalse();
  }
}
