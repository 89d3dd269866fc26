package dev.dovetail.booking.port.out;

import dev.dovetail.testkit.InMemoryScheduleRepository;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("InMemoryScheduleRepository honours the ScheduleRepository contract")
class InMemoryScheduleRepositoryTest implements ScheduleRepositoryContract {

  private InMemoryScheduleRepository schedules;

  @BeforeEach
  void setUp() {
    schedules = new InMemoryScheduleRepository();
  }

  @Override
  public ScheduleRepository schedules() {
    return schedules;
  }
}
