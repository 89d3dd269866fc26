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

  /**
   * Deletes the resource and retires its id for good (ADR 22): ids are global, and a retired one is never
   * inserted again (a {@code ConflictException}), so nothing keyed by it can reach a later tenant. Deleting what is gone is
   * fine.
   */
  Future<Void> delete(String id);
}
