package dev.dovetail.sync.port.in;

import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ExternalCalendar;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.UnreachablePolicy;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider's calendar connections: connect through OAuth, choose which external calendars block which resources and
 * which one receives bookings, see the state (broken, failing calendars, conflicting bookings), disconnect. Unknown
 * connections fail with a NotFoundException, bad input with an InvalidRequestException.
 */
public interface ManageConnections {

  /** A connection as its provider sees it: never the refresh token. */
  record ConnectionView(Connection connection, List<SyncState> calendars, List<BookingConflict> conflicts) {}

  /** What the provider chose: calendar id → resource ids it blocks; the calendar receiving bookings (or null). */
  record Choice(Map<String, Set<String>> blocking, String targetCalendarId, UnreachablePolicy whenUnreachable) {}

  /** The services this hub is configured for. */
  Set<CalendarProvider> available();

  /**
   * The consent URL to send the provider's browser to; {@code redirectUri} is the callback. {@code browserNonce} is a
   * fresh random value the caller also keeps in the browser (a short-lived cookie): the callback must present it.
   */
  String startConnect(String providerId, CalendarProvider provider, String browserNonce, String redirectUri);

  /** The consent URL, with this hub's callback ({@link #callbackUri}) as the redirect. */
  default String startConnect(String providerId, CalendarProvider provider, String browserNonce) {
    return startConnect(providerId, provider, browserNonce, callbackUri(provider));
  }

  /** Finishes the OAuth round trip that {@link #startConnect(String, CalendarProvider, String)} began. */
  default Future<Connection> completeConnect(CalendarProvider provider, String state, String code,
      String browserNonce) {
    return completeConnect(provider, state, code, browserNonce, callbackUri(provider));
  }

  /** Where the calendar service sends the browser back: {@code <public URL>/api/v1/calendar-connections/<service>/callback}. */
  String callbackUri(CalendarProvider provider);

  /**
   * Finishes the OAuth round trip without a session: {@code state} names the provider and must be bound to
   * {@code browserNonce} (else {@code InvalidRequestException}, and nothing is stored); then exchanges {@code code}
   * and stores the sealed grant.
   */
  Future<Connection> completeConnect(
      CalendarProvider provider, String state, String code, String browserNonce, String redirectUri);

  Future<List<ConnectionView>> list(String providerId);

  /** The connected account's calendars, to choose from. */
  Future<List<ExternalCalendar>> calendars(String providerId, CalendarProvider provider);

  Future<Connection> choose(String providerId, CalendarProvider provider, Choice choice);

  /** Stops syncing: push channels closed, the connection's busy time removed, its state and grant deleted. */
  Future<Void> disconnect(String providerId, CalendarProvider provider);
}
