package dev.dovetail.calendar.port.in;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The read-only webcal feed of a provider's resource calendar, at an address with an unguessable token (the
 * calendar's dead property {@value #PROPERTY}, also set by a CalDAV PROPPATCH of {@code dovetail:feed-url}): read it,
 * issue a new one (the old address stops working), revoke it. Another provider's resource, or an unknown one, fails
 * with {@code NotFoundException}.
 */
public interface ShareCalendarFeed {

  /** The dead property holding the feed's token. */
  String PROPERTY = "feed-token";

  /** The feed's token, or empty when the calendar has none. */
  Future<Optional<String>> feedToken(String providerId, String resourceId);

  /** A fresh token, replacing any earlier one. */
  Future<String> issueFeed(String providerId, String resourceId);

  /** Removes the token: the feed's address stops working. */
  Future<Void> revokeFeed(String providerId, String resourceId);
}
