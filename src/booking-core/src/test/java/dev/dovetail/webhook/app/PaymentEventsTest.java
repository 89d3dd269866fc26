package dev.dovetail.webhook.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryPaymentRepository;
import dev.dovetail.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PaymentEvents: payment.* and booking.no_show recorded with the payment write that makes them true")
class PaymentEventsTest {

  static final Instant NOW = Instant.parse("2031-03-30T10:00:00Z");

  final MutableClock clock = new MutableClock(NOW);
  final InMemoryPaymentRepository stored = new InMemoryPaymentRepository();
  final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  final RecordedEvents recorded = new RecordedEvents();
  final PaymentEvents payments = new PaymentEvents(stored, bookings, recorded, recorded, clock);

  Payment paidNext() {
    Payment awaiting = Payment.awaiting("b-1", "acme", new Money(4_000, "EUR"), false, NOW).withIntent("pi_1", NOW);
    payments.insert(awaiting).await();
    Payment paid = awaiting.paid(4_000, NOW).asSuccessorOf(awaiting);
    payments.update(paid).await();
    return paid;
  }

  @Test
  @DisplayName("paid → payment.succeeded; a refund → payment.refunded; a write that changes neither → nothing")
  void succeededAndRefunded() {
    Payment paid = paidNext();
    Payment settled = paid.settled(NOW).owe(Owed.REFUND, 2_000, NOW).asSuccessorOf(paid);
    payments.update(settled).await();
    Payment refunded = settled.refundedTotal(2_000, NOW).settled(NOW).asSuccessorOf(settled);
    payments.update(refunded).await();

    assertThat(recorded.types()).containsExactly("payment.succeeded", "payment.refunded");
    assertThat(recorded.published).allSatisfy(e -> {
      assertThat(e.subjectId()).isEqualTo("b-1");
      assertThat(e.providerId()).isEqualTo("acme");
    });
    assertThat(recorded.published.get(1).data().getLong("refunded")).isEqualTo(2_000);
    assertThat(stored.find("b-1").await().orElseThrow().refunded()).isEqualTo(2_000);
  }

  @Test
  @DisplayName("a stale write (another node wrote that version first) records nothing and is refused")
  void staleWriteRecordsNothing() {
    Payment paid = paidNext();
    String first = recorded.published.get(0).id();
    Throwable refused = payments.update(paid).map(v -> (Throwable) null).otherwise(e -> e).await();
    assertThat(refused).isInstanceOf(ConflictException.class);
    assertThat(recorded.published).extracting(e -> e.id()).containsExactly(first);
  }

  @Test
  @DisplayName("the same transition from the same version has the same id on any node")
  void sameTransitionSameId() {
    paidNext();
    RecordedEvents elsewhere = new RecordedEvents();
    PaymentEvents otherNode = new PaymentEvents(new InMemoryPaymentRepository(), bookings, elsewhere, elsewhere, clock);
    Payment awaiting = Payment.awaiting("b-1", "acme", new Money(4_000, "EUR"), false, NOW).withIntent("pi_1", NOW);
    otherNode.insert(awaiting).await();
    otherNode.update(awaiting.paid(4_000, NOW).asSuccessorOf(awaiting)).await();
    assertThat(elsewhere.published.get(0).id()).isEqualTo(recorded.published.get(0).id());
  }

  @Test
  @DisplayName("marking a no-show records booking.no_show with the booking as the API shows it")
  void noShow() {
    bookings.insertAll(List.of(new Booking("b-1", "acme", "room", "type",
        TimeRange.of(NOW.minus(Duration.ofHours(1)), Duration.ofMinutes(30)), ZoneId.of("UTC"), "Ada",
        "ada@example.com", BookingStatus.CONFIRMED, null, null, 1, NOW, NOW))).await();
    Payment paid = paidNext();
    payments.update(paid.markedNoShow(NOW).asSuccessorOf(paid)).await();

    assertThat(recorded.types()).containsExactly("payment.succeeded", "booking.no_show");
    assertThat(recorded.published.get(1).data().getString("id")).isEqualTo("b-1");
    assertThat(recorded.published.get(1).data().getString("status")).isEqualTo("CONFIRMED");
  }
}
