package dev.dovetail.booking.port.out;

import dev.dovetail.booking.domain.Provider;
import io.vertx.core.Future;
import java.util.Optional;

public interface ProviderRepository {

  /** Fails with a ConflictException if the handle is taken. */
  Future<Void> insert(Provider provider);

  Future<Optional<Provider>> findById(String id);

  /** Replaces the stored provider with the same id (its settings); fails with a NotFoundException if there is none. */
  Future<Void> update(Provider provider);
}
