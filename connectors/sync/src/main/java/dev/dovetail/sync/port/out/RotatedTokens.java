package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.Grant;
import io.vertx.core.Future;

/**
 * Where a connector hands a refresh token that the service rotated (Microsoft answers every refresh with a new one
 * and lets each expire 90 days after issue). Storing it is a compare-and-set on the connection: only a connection
 * that still holds the grant's token takes the new one, so an older rotation never overwrites a newer one.
 */
@FunctionalInterface
public interface RotatedTokens {

  /** Stores {@code newRefreshToken} on the grant's connection if it still holds {@code grant.refreshToken()}. */
  Future<Void> rotated(Grant grant, String newRefreshToken);

  /** For connectors whose service does not rotate (or tests that keep tokens themselves). */
  static RotatedTokens none() {
    return (grant, token) -> Future.succeededFuture();
  }
}
