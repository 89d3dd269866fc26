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

  Future<Void> delete(String id);
}
