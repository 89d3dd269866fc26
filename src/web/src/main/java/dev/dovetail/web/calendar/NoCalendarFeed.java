package dev.dovetail.web.calendar;

import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.calendar.port.in.ShareCalendarFeed;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * For an API built without the calendar use cases (tests of other parts): a resource of the caller is checked as
 * always (another provider's is a 404), then every call answers 503.
 */
public final class NoCalendarFeed implements ShareCalendarFeed {

  private final ManageCatalog catalog;

  public NoCalendarFeed(ManageCatalog catalog) {
    this.catalog = catalog;
  }

  private <T> Future<T> off(String providerId, String resourceId) {
    return catalog.resource(providerId, resourceId).compose(owned -> Future.failedFuture(new ApiProblem(503,
        "calendar-feed-unavailable", "Not available", "this hub was built without calendar feeds", Map.of())));
  }

  @Override
  public Future<Optional<String>> feedToken(String providerId, String resourceId) {
    return off(providerId, resourceId);
  }

  @Override
  public Future<String> issueFeed(String providerId, String resourceId) {
    return off(providerId, resourceId);
  }

  @Override
  public Future<Void> revokeFeed(String providerId, String resourceId) {
    return off(providerId, resourceId);
  }
}
