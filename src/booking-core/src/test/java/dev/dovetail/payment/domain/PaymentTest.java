package dev.dovetail.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.testkit.TestPayments;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Payment: the state machine of one booking's payment")
class PaymentTest {

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private static Payment awaiting() {
    return Payment.awaiting("b-1", "p-1", new Money(5_000, "EUR"), false, NOW);
  }

  @Test
  @DisplayName("paid and canceled are idempotent; a paid payment cannot be canceled, a canceled one cannot be paid")
  void finalStatesAreFinal() {
    Payment paid = awaiting().withIntent("pi_1", NOW).paid(5_000, NOW);
    assertThat(paid.paid(5_000, NOW)).isSameAs(paid);
    assertThatThrownBy(() -> paid.canceled(NOW)).isInstanceOf(ConflictException.class);
    Payment canceled = awaiting().canceled(NOW);
    assertThat(canceled.canceled(NOW)).isSameAs(canceled);
    assertThatThrownBy(() -> canceled.paid(5_000, NOW)).isInstanceOf(ConflictException.class);
    assertThat(paid.authorized(NOW)).isSameAs(paid);
  }

  @Test
  @DisplayName("every change bumps the version by one; an unchanged payment is the same object")
  void versionCountsChanges() {
    Payment p = awaiting();
    Payment withIntent = p.withIntent("pi_1", NOW);
    assertThat(withIntent.revision()).isEqualTo(1);
    assertThat(withIntent.authorized(NOW).revision()).isEqualTo(2);
    assertThat(withIntent.settled(NOW)).isSameAs(withIntent);
  }

  @Test
  @DisplayName("a second, different intent is refused")
  void oneIntentPerBooking() {
    Payment p = awaiting().withIntent("pi_1", NOW);
    assertThat(p.withIntent("pi_1", NOW).intentId()).isEqualTo("pi_1");
    assertThatThrownBy(() -> p.withIntent("pi_2", NOW)).isInstanceOf(ConflictException.class);
  }

  @Test
  @DisplayName("refunds only grow and never exceed what was captured")
  void refundsGrowUpToCaptured() {
    Payment paid = awaiting().withIntent("pi_1", NOW).paid(5_000, NOW);
    Payment partly = paid.refundedTotal(2_000, NOW);
    assertThat(partly.refunded()).isEqualTo(2_000);
    assertThat(partly.refundedTotal(1_000, NOW)).isSameAs(partly);
    assertThat(partly.refundedTotal(9_999, NOW).refunded()).isEqualTo(5_000);
    assertThat(partly.held()).isEqualTo(new Money(3_000, "EUR"));
  }

  @Test
  @DisplayName("owed work: the first stays until settled, except that VOID (give everything back) wins")
  void voidWinsOverOtherWork() {
    Payment p = awaiting().withIntent("pi_1", NOW).paid(5_000, NOW);
    Payment refund = p.owe(Owed.REFUND, 2_500, NOW);
    assertThat(refund.owe(Owed.CAPTURE, 5_000, NOW)).isSameAs(refund);
    Payment voided = refund.owe(Owed.VOID, 0, NOW);
    assertThat(voided.owed()).isEqualTo(Owed.VOID);
    assertThat(voided.settled(NOW).owed()).isEqualTo(Owed.NOTHING);
  }

  @Test
  @DisplayName("a deposit type without a deposit rule has no amount due; full types ask the price")
  void amountDue() {
    var type = TestPayments.paidType("full", "p-1", "room", 30, PaymentRequirement.FULL);
    assertThat(PaymentSettings.defaults(type).amountDue(type)).isEqualTo(type.price());
    var deposit = TestPayments.paidType("dep", "p-1", "room", 30, PaymentRequirement.DEPOSIT);
    assertThatThrownBy(() -> PaymentSettings.defaults(deposit).amountDue(deposit))
        .isInstanceOf(IllegalStateException.class);
    assertThat(new PaymentSettings(deposit.id(), deposit.providerId(), DepositRule.percent(20), false)
        .amountDue(deposit)).isEqualTo(deposit.price().percent(20));
  }
}
