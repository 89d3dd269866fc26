package dev.dovetail.calendar.port.out;

import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryCalendarObjectRepository honours the CalendarObjectRepository contract")
class InMemoryCalendarObjectRepositoryTest implements CalendarObjectRepositoryContract {

  private InMemoryCalendarObjectRepository calendars;

  @BeforeEach
  void setUp() {
    calendars = new InMemoryCalendarObjectRepository();
  }

  @Override
  public CalendarObjectRepository calendars() {
    return calendars;
  }
}
