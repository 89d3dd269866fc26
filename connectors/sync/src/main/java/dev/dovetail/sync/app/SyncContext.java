package dev.dovetail.sync.app;

import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.port.out.BookingMirrorRepository;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.ConflictRepository;
import dev.dovetail.sync.port.out.ConnectionRepository;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.sync.port.out.SyncStateRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sync use cases share: the connectors by service, the sync stores, the booking core's schedule guard, the
 * token cipher, clock and randomness (for jitter). One instance per hub.
 */
public record SyncContext(
    Map<CalendarProvider, CalendarConnector> connectors,
    ConnectionRepository connections,
    SyncStateRepository states,
    BookingMirrorRepository mirrors,
    ConflictRepository conflicts,
    ResourceRepository resources,
    ScheduleRepository schedules,
    ResourceLock lock,
    SyncNotices notices,
    TokenCipher cipher,
    Backoff backoff,
    Clock clock,
    DoubleSupplier random) {

  private static final Logger LOG = LoggerFactory.getLogger(SyncContext.class);

  public SyncContext {
    connectors = Map.copyOf(connectors);
  }

  /** The connector of the connection's service; IllegalStateException if this hub has none configured. */
  public CalendarConnector connector(CalendarProvider provider) {
    CalendarConnector connector = connectors.get(provider);
    if (connector == null) {
      throw new IllegalStateException(provider.key() + " calendars are not configured on this hub");
    }
    return connector;
  }

  /**
   * The connector of {@code provider} as a {@code capability} ({@code PushSupport}, {@code FreeBusySupport},
   * {@code RevokeSupport}), or empty if this hub has no connector for it or its service does not offer that. This is
   * the one way the core asks for what only some services do.
   */
  public <T> Optional<T> capability(CalendarProvider provider, Class<T> capability) {
    return Optional.ofNullable(connectors.get(provider)).filter(capability::isInstance).map(capability::cast);
  }

  public Grant grant(Connection connection) {
    return new Grant(connection.id(), connection.account(),
        cipher.open(connection.sealedRefreshToken(), connection.id()));
  }

  /**
   * Marks the connection broken (its grant was revoked) and tells the provider, once: a connection already broken is
   * left as it is.
   */
  public Future<Void> markBroken(String connectionId, String reason) {
    return connections.findById(connectionId).compose(found -> {
      if (found.isEmpty() || !found.get().connected()) {
        return Future.succeededFuture();
      }
      Connection broken = found.get().broken(reason, clock.instant());
      LOG.warn("calendar connection {} is broken: {}", connectionId, reason);
      return connections.save(broken).compose(v -> notices.connectionBroken(broken));
    });
  }
}
