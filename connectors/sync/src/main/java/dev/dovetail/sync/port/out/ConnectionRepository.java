package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.Connection;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Calendar connections, one document each (last write wins: only the provider and the sync engine change one). */
public interface ConnectionRepository {

  Future<Void> save(Connection connection);

  Future<Optional<Connection>> findById(String id);

  /** The provider's connections (at most one per calendar service). */
  Future<List<Connection>> listByProvider(String providerId);

  /** Every connection, for the scheduler. */
  Future<List<Connection>> listAll();

  Future<Void> delete(String id);
}
