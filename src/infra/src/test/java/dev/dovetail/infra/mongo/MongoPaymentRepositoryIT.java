package dev.dovetail.infra.mongo;

import dev.dovetail.booking.port.out.PaymentRepositoryContract;
import dev.dovetail.payment.port.out.PaymentRepository;
import org.junit.jupiter.api.DisplayName;

@DisplayName("MongoPaymentRepository on the embedded server with the real driver")
class MongoPaymentRepositoryIT extends StoreIT implements PaymentRepositoryContract {

  @Override
  public PaymentRepository payments() {
    return store.payments();
  }
}
