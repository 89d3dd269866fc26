package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.Connection;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Calendar connections, one document each (last write wins: only the provider and the sync engine change one; a
 * rotated refresh token alone is stored by compare-and-set).
 */
public interface ConnectionRepository {

  Future<Void> save(Connection connection);

  /**
   * Compare-and-set of the sealed refresh token alone (a rotated token): true if the connection still held
   * {@code expectedSealed} and now holds {@code newSealed}, false if it held something else (or is gone).
   */
  Future<Boolean> replaceRefreshToken(String id, String expectedSealed, String newSealed, Instant now);

  Future<Optional<Connection>> findById(String id);

  /** The provider's connections (at most one per calendar service). */
  Future<List<Connection>> listByProvider(String providerId);

  Future<Void> delete(String id);
}
