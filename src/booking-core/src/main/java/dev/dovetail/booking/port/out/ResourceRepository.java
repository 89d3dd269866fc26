package dev.dovetail.booking.port.out;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Resource;
import io.vertx.core.Future;
import java.util.Optional;

public interface ResourceRepository {

  /** Fails with a ConflictException if the id is taken. */
  Future<Void> insert(Resource resource);

  /** Replaces an existing resource; fails with a NotFoundException if there is none. */
  Future<Void> update(Resource resource);

  Future<Optional<Resource>> findById(String id);

  Future<Page<Resource>> listByProvider(String providerId, PageRequest page);

  Future<Void> delete(String id);
}
