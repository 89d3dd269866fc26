package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.testkit.ExternalSide;
import dev.dovetail.sync.testkit.InMemoryCalendarConnector;

class InMemoryCalendarConnectorTest implements CalendarConnectorContract {

  private final InMemoryCalendarConnector connector = new InMemoryCalendarConnector(CalendarProvider.GOOGLE, "cal");

  @Override
  public CalendarConnector connector() {
    return connector;
  }

  @Override
  public Grant grant() {
    return new Grant("google-acme", "owner@acme.test", "refresh");
  }

  @Override
  public String calendarId() {
    return "cal";
  }

  @Override
  public ExternalSide external() {
    return connector;
  }
}
