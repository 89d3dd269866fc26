package dev.dovetail.testkit;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class InMemoryBookingRepository implements BookingRepository {

  private final Map<String, Booking> bookings = new ConcurrentHashMap<>();

  @Override
  public synchronized Future<Void> insertAll(List<Booking> added) {
    if (added.stream().anyMatch(b -> bookings.containsKey(b.id()))) {
      return Future.failedFuture(new ConflictException("booking id exists"));
    }
    added.forEach(b -> bookings.put(b.id(), b));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> update(Booking booking) {
    Booking stored = bookings.get(booking.id());
    if (stored == null || stored.revision() != booking.revision() - 1) {
      return Future.failedFuture(new ConflictException("booking " + booking.id() + " changed concurrently"));
    }
    bookings.put(booking.id(), booking);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<Booking>> findById(String id) {
    return Future.succeededFuture(Optional.ofNullable(bookings.get(id)));
  }

  @Override
  public Future<Page<Booking>> listByProvider(String providerId, String resourceId, TimeRange window,
      PageRequest page) {
    return Future.succeededFuture(InMemoryPages.page(
        bookings.values().stream()
            .filter(b -> b.providerId().equals(providerId))
            .filter(b -> resourceId == null || b.resourceId().equals(resourceId))
            .filter(b -> window == null || b.time().overlaps(window)),
        b -> String.format("%020d_%s", b.time().start().toEpochMilli(), b.id()), page));
  }

  @Override
  public Future<List<Booking>> findExpiredHolds(Instant now, int limit) {
    return Future.succeededFuture(bookings.values().stream()
        .filter(b -> b.status() == BookingStatus.HELD && !now.isBefore(b.holdExpiresAt()))
        .limit(limit)
        .toList());
  }

  @Override
  public Future<List<Booking>> findByIds(List<String> ids) {
    return Future.succeededFuture(ids.stream().map(bookings::get).filter(Objects::nonNull).toList());
  }
}
