package dev.dovetail.booking.port.out;

import dev.dovetail.testkit.InMemoryBookingRepository;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("InMemoryBookingRepository honours the BookingRepository contract")
class InMemoryBookingRepositoryTest implements BookingRepositoryContract {

  private InMemoryBookingRepository bookings;

  @BeforeEach
  void setUp() {
    bookings = new InMemoryBookingRepository();
  }

  @Override
  public BookingRepository bookings() {
    return bookings;
  }
}
