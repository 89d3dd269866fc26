package dev.dovetail.sync.port.in;

import dev.dovetail.sync.domain.CalendarProvider;
import io.vertx.core.Future;

/** A push notification from a calendar service: a hint that one watched calendar changed. */
public interface ReceivePush {

  /**
   * True (and a sync is requested) if {@code channelId} is a live channel of this hub for {@code provider} and {@code
   * token} is its secret; false for anything else (spoofed, stale, unknown), which changes nothing.
   */
  Future<Boolean> pushed(CalendarProvider provider, String channelId, String token);
}
