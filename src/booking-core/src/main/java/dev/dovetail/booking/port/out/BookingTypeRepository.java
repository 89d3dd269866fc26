package dev.dovetail.booking.port.out;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import io.vertx.core.Future;
import java.util.Optional;

public interface BookingTypeRepository {

  /** Fails with a ConflictException if the id is taken. */
  Future<Void> insert(BookingType type);

  /** Replaces an existing booking type; fails with a NotFoundException if there is none. */
  Future<Void> update(BookingType type);

  Future<Optional<BookingType>> findById(String id);

  Future<Page<BookingType>> listByProvider(String providerId, PageRequest page);

  /**
   * Deletes the booking type and retires its id for good (ADR 22): ids are global, and a retired one is never
   * inserted again (a {@code ConflictException}), so nothing keyed by it can reach a later tenant. Deleting what is gone is
   * fine.
   */
  Future<Void> delete(String id);
}
