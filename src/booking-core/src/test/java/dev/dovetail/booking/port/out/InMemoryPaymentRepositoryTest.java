package dev.dovetail.booking.port.out;

import dev.dovetail.payment.port.out.PaymentRepository;
import dev.dovetail.testkit.InMemoryPaymentRepository;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("InMemoryPaymentRepository honours the PaymentRepository contract")
class InMemoryPaymentRepositoryTest implements PaymentRepositoryContract {

  private InMemoryPaymentRepository payments;

  @BeforeEach
  void setUp() {
    payments = new InMemoryPaymentRepository();
  }

  @Override
  public PaymentRepository payments() {
    return payments;
  }
}
