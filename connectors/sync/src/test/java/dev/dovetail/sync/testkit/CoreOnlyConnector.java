package dev.dovetail.sync.testkit;

import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.ChangeSet;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.CalendarConnector;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * A service that offers only what every service does: an {@link InMemoryCalendarConnector} seen through {@link
 * CalendarConnector} alone, with no push, live free/busy or revoke (ADR 54).
 */
public final class CoreOnlyConnector implements CalendarConnector {

  private final CalendarConnector service;

  public CoreOnlyConnector(InMemoryCalendarConnector service) {
    this.service = service;
  }

  @Override
  public CalendarProvider provider() {
    return service.provider();
  }

  @Override
  public Future<List<ExternalCalendar>> calendars(Grant grant) {
    return service.calendars(grant);
  }

  @Override
  public Future<ChangeSet> changes(Grant grant, String calendarId, String token) {
    return service.changes(grant, calendarId, token);
  }

  @Override
  public Future<Optional<WrittenEvent>> find(Grant grant, String calendarId, String eventId) {
    return service.find(grant, calendarId, eventId);
  }

  @Override
  public Future<WrittenEvent> create(Grant grant, String calendarId, OutboundEvent event) {
    return service.create(grant, calendarId, event);
  }

  @Override
  public Future<WrittenEvent> update(Grant grant, String calendarId, String eventId, String etag, OutboundEvent event) {
    return service.update(grant, calendarId, eventId, etag, event);
  }

  @Override
  public Future<Void> delete(Grant grant, String calendarId, String eventId, String etag) {
    return service.delete(grant, calendarId, eventId, etag);
  }
}
