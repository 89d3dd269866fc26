package dev.dovetail.booking.port.out;

import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.payment.domain.DepositRule;
import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentFailurePolicy;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.port.out.PaymentRepository;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every {@link PaymentRepository} must do. */
@ExtendWith(VertxExtension.class)
public interface PaymentRepositoryContract {

  Instant AT = Instant.parse("2030-01-01T10:00:00.125Z");

  PaymentRepository payments();

  private static Payment fresh(String provider) {
    return Payment.awaiting(id("b"), provider, new Money(12_345, "EUR"), true, AT);
  }

  @Test
  @DisplayName("insert then find and findByIntent: every field reads back exactly")
  default void roundTripsEveryField(VertxTestContext ctx) {
    Payment p = fresh(id("prov"));
    Payment full = p.withIntent(id("pi"), AT.plusSeconds(1)).paid(12_345, AT.plusSeconds(2))
        .refundedTotal(345, AT.plusSeconds(3)).owe(Owed.REFUND, 1_000, AT.plusSeconds(4)).markedNoShow(AT);
    Payment stored = new Payment(full.bookingId(), full.providerId(), full.amount(), full.manualCapture(),
        full.intentId(), full.state(), full.captured(), full.refunded(), full.owed(), full.owedMinor(), full.noShow(),
        0, full.createdAt(), full.updatedAt());
    payments().insert(stored)
        .compose(v -> Future.all(payments().find(p.bookingId()), payments().findByIntent(full.intentId())))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<Optional<Payment>>resultAt(0)).contains(stored);
          assertThat(found.<Optional<Payment>>resultAt(1)).contains(stored);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("insert twice for one booking fails with a ConflictException")
  default void insertRefusesSecondPayment(VertxTestContext ctx) {
    Payment p = fresh(id("prov"));
    payments().insert(p).compose(v -> failureOf(payments().insert(p)))
        .onComplete(ctx.succeeding(err -> ctx.verify(() -> {
          assertThat(err).isInstanceOf(ConflictException.class);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update is a compare-and-set on the revision: a stale write fails and changes nothing")
  default void updateIsCompareAndSet(VertxTestContext ctx) {
    Payment p = fresh(id("prov"));
    Payment first = p.withIntent("pi_a", AT);
    Payment second = first.authorized(AT);
    payments().insert(p)
        .compose(v -> payments().update(first))
        .compose(v -> failureOf(payments().update(first)))
        .compose(err -> {
          assertThat(err).isInstanceOf(ConflictException.class);
          return payments().update(second);
        })
        .compose(v -> failureOf(payments().update(first.canceled(AT))))
        .compose(err -> payments().find(p.bookingId()))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(second);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("findOwed lists payments with owed work only; findByBookings finds the existing ones")
  default void findOwedAndByBookings(VertxTestContext ctx) {
    String provider = id("prov");
    Payment quiet = fresh(provider);
    Payment owing = fresh(provider);
    payments().insert(quiet).compose(v -> payments().insert(owing))
        .compose(v -> payments().update(owing.owe(Owed.VOID, 0, AT)))
        .compose(v -> Future.all(payments().findOwed(1000), payments().findByBookings(
            List.of(quiet.bookingId(), owing.bookingId(), id("none")))))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          List<Payment> owed = found.resultAt(0);
          assertThat(owed).extracting(Payment::bookingId).contains(owing.bookingId())
              .doesNotContain(quiet.bookingId());
          List<Payment> some = found.resultAt(1);
          assertThat(some).extracting(Payment::bookingId)
              .containsExactlyInAnyOrder(quiet.bookingId(), owing.bookingId());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("settings: absent until saved, then read back; saving again replaces them")
  default void settingsRoundTrip(VertxTestContext ctx) {
    String type = id("type");
    PaymentSettings first = new PaymentSettings(type, id("prov"), DepositRule.percent(30), true);
    PaymentSettings second = new PaymentSettings(type, first.providerId(), DepositRule.fixed(2_500), false,
        PaymentFailurePolicy.RETRY_UNTIL_HOLD_EXPIRES);
    PaymentSettings none = new PaymentSettings(id("type"), first.providerId(), null, false);
    payments().settings(type)
        .compose(absent -> {
          assertThat(absent).isEmpty();
          return payments().saveSettings(first);
        })
        .compose(v -> payments().settings(type))
        .compose(found -> {
          assertThat(found).contains(first);
          return payments().saveSettings(second).compose(v -> payments().saveSettings(none));
        })
        .compose(v -> Future.all(payments().settings(type), payments().settings(none.bookingTypeId())))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<Optional<PaymentSettings>>resultAt(0)).contains(second);
          assertThat(found.<Optional<PaymentSettings>>resultAt(1)).contains(none);
          ctx.completeNow();
        })));
  }
}
