package dev.dovetail.sync.app;

import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.port.out.ConnectionRepository;
import dev.dovetail.sync.port.out.RotatedTokens;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals each rotated refresh token and stores it on its connection by compare-and-set on the sealed token the
 * connection held, so two hub nodes refreshing at once keep the newer chain and a re-grant is never overwritten.
 */
public final class StoredRotatedTokens implements RotatedTokens {

  private static final Logger LOG = LoggerFactory.getLogger(StoredRotatedTokens.class);

  private final ConnectionRepository connections;
  private final TokenCipher cipher;
  private final Clock clock;

  public StoredRotatedTokens(ConnectionRepository connections, TokenCipher cipher, Clock clock) {
    this.connections = connections;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public Future<Void> rotated(Grant grant, String newRefreshToken) {
    if (newRefreshToken == null || newRefreshToken.equals(grant.refreshToken())) {
      return Future.succeededFuture();
    }
    return connections.findById(grant.connectionId()).compose(found -> {
      if (found.isEmpty() || !grant.refreshToken().equals(cipher.open(found.get().sealedRefreshToken(),
          grant.connectionId()))) {
        LOG.debug("connection {} no longer holds the rotated token; keeping what it holds", grant.connectionId());
        return Future.succeededFuture();
      }
      String sealed = cipher.seal(newRefreshToken, grant.connectionId());
      return connections.replaceRefreshToken(grant.connectionId(), found.get().sealedRefreshToken(), sealed,
          clock.instant()).map(stored -> {
            if (!stored) {
              LOG.debug("connection {} changed while storing its rotated token", grant.connectionId());
            }
            return null;
          });
    });
  }
}
