package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.PushChannel;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * A {@link CalendarConnector} whose service pushes change notifications (Google's watch channels, Graph's
 * subscriptions). Without it, a calendar is only reconciled on its timer.
 */
public interface PushSupport {

  /**
   * Opens a push channel on {@code calendarId} that notifies {@code callbackUrl}, echoing {@code secret};
   * the service may shorten {@code requestedExpiry}, the returned channel says until when it lives.
   */
  Future<PushChannel> watch(
      Grant grant, String calendarId, String channelId, String secret, String callbackUrl, Instant requestedExpiry);

  /** Closes a channel; an unknown or expired channel counts as closed. */
  Future<Void> stop(Grant grant, PushChannel channel);
}
