package dev.dovetail.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.ConflictException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Any sequence of what Stripe and our bookings can report keeps a payment's money consistent. */
@Label("Payment: money invariants under any sequence of events")
class PaymentProperties {

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  /** One thing that can happen to a payment: a kind and an amount (used by paid, refunds and owed work). */
  record Step(int kind, long minor) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Arbitraries.integers().between(0, 6)
        .flatMap(kind -> Arbitraries.longs().between(0, 12_000).map(minor -> new Step(kind, minor)))
        .list().ofMaxSize(30);
  }

  @Property
  @Label("0 <= refunded <= captured <= amount; paid stays paid, canceled stays canceled; versions count changes")
  void moneyStaysConsistent(@ForAll("steps") List<Step> steps, @ForAll @LongRange(min = 1, max = 10_000) long amount) {
    Payment p = Payment.awaiting("b-1", "p-1", new Money(amount, "EUR"), false, NOW).withIntent("pi_1", NOW);
    boolean wasPaid = false;
    boolean wasCanceled = false;
    for (Step step : steps) {
      Payment before = p;
      try {
        p = switch (step.kind()) {
          case 0 -> p.authorized(NOW);
          case 1 -> p.paid(Math.min(step.minor(), amount), NOW);
          case 2 -> p.canceled(NOW);
          case 3 -> p.refundedTotal(step.minor(), NOW);
          case 4 -> p.owe(Owed.REFUND, step.minor(), NOW);
          case 5 -> p.owe(Owed.VOID, 0, NOW);
          default -> p.settled(NOW);
        };
      } catch (ConflictException refused) {
        // Refused transitions (paying a canceled payment, canceling a paid one) leave the payment as it was.
        assertThat(wasPaid || wasCanceled).isTrue();
      }
      assertThat(p.refunded()).isBetween(0L, p.captured());
      assertThat(p.captured()).isBetween(0L, amount);
      assertThat(p.revision()).isIn(before.revision(), before.revision() + 1);
      assertThat(p.held().minorUnits()).isBetween(0L, amount);
      if (wasPaid) {
        assertThat(p.state()).isEqualTo(PaymentState.PAID);
        assertThat(p.captured()).isEqualTo(before.captured());
      }
      if (wasCanceled) {
        assertThat(p.state()).isEqualTo(PaymentState.CANCELED);
        assertThat(p.captured()).isZero();
      }
      wasPaid = p.state() == PaymentState.PAID;
      wasCanceled = p.state() == PaymentState.CANCELED;
    }
  }
}
