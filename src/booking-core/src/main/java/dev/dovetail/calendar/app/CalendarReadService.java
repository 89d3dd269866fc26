package dev.dovetail.calendar.app;

import dev.dovetail.booking.domain.NotFoundException;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.calendar.port.in.ReadCalendar;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import io.vertx.core.Future;

/**
 * The calendar read use case. A property is read from the one stored field first (cheap, so a feed request with a
 * made-up resource costs no catalog read) and returned only once the resource is found for the provider.
 */
public final class CalendarReadService implements ReadCalendar {

  private final ManageCatalog catalog;
  private final CalendarObjectRepository objects;

  public CalendarReadService(ManageCatalog catalog, CalendarObjectRepository objects) {
    this.catalog = catalog;
    this.objects = objects;
  }

  @Override
  public Future<String> property(String providerId, String resourceId, String name) {
    return objects.property(resourceId, name).compose(value -> value == null
        ? Future.failedFuture(new NotFoundException("calendar property", name))
        : catalog.resource(providerId, resourceId).map(owned -> value));
  }
}
