package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.Grant;
import io.vertx.core.Future;

/**
 * A {@link CalendarConnector} whose service lets the app withdraw a user's grant (Google's revoke endpoint). Microsoft
 * has no per-app revoke for a delegated grant, so the Outlook connector does not offer it.
 */
public interface RevokeSupport {

  /**
   * Withdraws the grant at the service (the provider disconnected); a grant already gone counts as revoked.
   */
  Future<Void> revoke(Grant grant);
}
