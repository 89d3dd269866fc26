package dev.dovetail.testkit;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reference adapter of the waitlist store: maps, every write atomic under the object's monitor. */
public class InMemoryWaitlistRepository implements WaitlistRepository {

  private static final Comparator<WaitlistEntry> JOIN_ORDER =
      Comparator.comparing(WaitlistEntry::joinedAt).thenComparing(WaitlistEntry::id);

  private final Map<String, WaitlistEntry> byId = new ConcurrentHashMap<>();
  private final Map<String, WaitlistSettings> settings = new ConcurrentHashMap<>();

  @Override
  public synchronized Future<Void> insert(WaitlistEntry entry) {
    if (byId.putIfAbsent(entry.id(), entry) != null) {
      return Future.failedFuture(new ConflictException("waitlist entry id exists: " + entry.id()));
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> update(WaitlistEntry entry) {
    WaitlistEntry stored = byId.get(entry.id());
    if (stored == null || stored.revision() != entry.revision() - 1) {
      return Future.failedFuture(new ConflictException("waitlist entry " + entry.id() + " changed concurrently"));
    }
    byId.put(entry.id(), entry);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<WaitlistEntry>> findById(String id) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
  }

  @Override
  public Future<List<WaitlistEntry>> findWaiting(String resourceId) {
    return Future.succeededFuture(byId.values().stream()
        .filter(e -> e.status() == EntryStatus.WAITING && e.resourceId().equals(resourceId))
        .sorted(JOIN_ORDER)
        .toList());
  }

  @Override
  public Future<List<String>> resourcesWithWaiting() {
    return Future.succeededFuture(byId.values().stream()
        .filter(e -> e.status() == EntryStatus.WAITING)
        .map(WaitlistEntry::resourceId)
        .distinct()
        .sorted()
        .toList());
  }

  @Override
  public Future<List<WaitlistEntry>> findOffered(int limit) {
    return Future.succeededFuture(byId.values().stream()
        .filter(e -> e.status() == EntryStatus.OFFERED)
        .sorted(Comparator.comparing(e -> e.offer().expiresAt()))
        .limit(limit)
        .toList());
  }

  @Override
  public Future<Optional<WaitlistEntry>> findByOfferedBooking(String bookingId) {
    return Future.succeededFuture(byId.values().stream()
        .filter(e -> (e.offer() != null && e.offer().bookingId().equals(bookingId))
            || bookingId.equals(e.bookingId()))
        .findFirst());
  }

  @Override
  public Future<Page<WaitlistEntry>> listByProvider(String providerId, String bookingTypeId, PageRequest page) {
    return Future.succeededFuture(InMemoryPages.page(byId.values().stream()
            .filter(e -> e.providerId().equals(providerId))
            .filter(e -> bookingTypeId == null || e.bookingTypeId().equals(bookingTypeId)),
        e -> String.format("%020d_%s", e.joinedAt().toEpochMilli(), e.id()), page));
  }

  @Override
  public Future<List<WaitlistEntry>> findBookedByBookings(String providerId, List<String> bookingIds) {
    return Future.succeededFuture(byId.values().stream()
        .filter(e -> e.providerId().equals(providerId) && e.status() == EntryStatus.BOOKED
            && bookingIds.contains(e.bookingId()))
        .toList());
  }

  @Override
  public Future<List<Money>> recoveredValues(String providerId) {
    return Future.succeededFuture(byId.values().stream()
        .filter(e -> e.providerId().equals(providerId) && e.status() == EntryStatus.BOOKED)
        .map(WaitlistEntry::recovered)
        .filter(Objects::nonNull)
        .toList());
  }

  @Override
  public Future<Optional<WaitlistSettings>> settings(String bookingTypeId) {
    return Future.succeededFuture(Optional.ofNullable(settings.get(bookingTypeId)));
  }

  @Override
  public Future<Void> saveSettings(WaitlistSettings next) {
    settings.put(next.bookingTypeId(), next);
    return Future.succeededFuture();
  }
}
