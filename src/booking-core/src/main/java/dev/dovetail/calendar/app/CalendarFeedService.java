package dev.dovetail.calendar.app;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.calendar.port.in.ReadCalendar;
import dev.dovetail.calendar.port.in.ShareCalendarFeed;
import dev.dovetail.calendar.port.in.WriteCalendar;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The webcal feed token as a dead property of the calendar: the resource is checked to be the provider's first (so an
 * unset token and another provider's calendar are told apart), writes go through {@link WriteCalendar#setProperties}
 * (ownership re-checked under the resource lock, compare-and-set).
 */
public final class CalendarFeedService implements ShareCalendarFeed {

  private static final int TOKEN_BYTES = 24;

  private final ManageCatalog catalog;
  private final ReadCalendar reads;
  private final WriteCalendar writes;

  public CalendarFeedService(ManageCatalog catalog, ReadCalendar reads, WriteCalendar writes) {
    this.catalog = catalog;
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public Future<Optional<String>> feedToken(String providerId, String resourceId) {
    return catalog.resource(providerId, resourceId)
        .compose(owned -> reads.property(providerId, resourceId, PROPERTY)
            .map(Optional::of)
            .recover(err -> err instanceof NotFoundException
                ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(err)));
  }

  @Override
  public Future<String> issueFeed(String providerId, String resourceId) {
    String token = Ids.randomToken(TOKEN_BYTES);
    return set(providerId, resourceId, token).map(token);
  }

  @Override
  public Future<Void> revokeFeed(String providerId, String resourceId) {
    return set(providerId, resourceId, null);
  }

  private Future<Void> set(String providerId, String resourceId, String token) {
    Map<String, String> change = new HashMap<>();
    change.put(PROPERTY, token);
    return catalog.resource(providerId, resourceId)
        .compose(owned -> writes.setProperties(providerId, resourceId, change))
        .mapEmpty();
  }
}
