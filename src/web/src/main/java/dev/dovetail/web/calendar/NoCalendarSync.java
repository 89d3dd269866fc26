package dev.dovetail.web.calendar;

import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.port.in.ManageConnections;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/** A hub without calendar services configured: no connections, and every service answers 404. */
public final class NoCalendarSync implements ManageConnections {

  @Override
  public Set<CalendarProvider> available() {
    return Set.of();
  }

  @Override
  public String callbackUri(CalendarProvider provider) {
    throw notConfigured(provider);
  }

  @Override
  public String startConnect(String providerId, CalendarProvider provider, String browserNonce,
      String redirectUri) {
    throw notConfigured(provider);
  }

  @Override
  public Future<Connection> completeConnect(
      CalendarProvider provider, String state, String code, String browserNonce, String redirectUri) {
    return Future.failedFuture(notConfigured(provider));
  }

  @Override
  public Future<List<ConnectionView>> list(String providerId) {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<List<ExternalCalendar>> calendars(String providerId, CalendarProvider provider) {
    return Future.failedFuture(notConfigured(provider));
  }

  @Override
  public Future<Connection> choose(String providerId, CalendarProvider provider, Choice choice) {
    return Future.failedFuture(notConfigured(provider));
  }

  @Override
  public Future<Void> disconnect(String providerId, CalendarProvider provider) {
    return Future.failedFuture(notConfigured(provider));
  }

  private static NotFoundException notConfigured(CalendarProvider provider) {
    return new NotFoundException("calendar service (not configured on this hub)", provider.key());
  }
}
