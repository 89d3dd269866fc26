package dev.dovetail.booking.port.out;

import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("InMemoryScheduleRepository honours the ScheduleRepository contract")
class InMemoryScheduleRepositoryTest implements ScheduleRepositoryContract {

  private InMemoryScheduleRepository schedules;
  private MutableClock clock;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(ContractFixtures.NOW);
    schedules = new InMemoryScheduleRepository(clock);
  }

  @Override
  public MutableClock clock() {
    return clock;
  }

  @Override
  public ScheduleRepository schedules() {
    return schedules;
  }
}
