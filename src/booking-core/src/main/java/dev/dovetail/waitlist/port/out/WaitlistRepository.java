package dev.dovetail.waitlist.port.out;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Waitlist entries (one document each, changed only by compare-and-set on {@code revision}, so two nodes cannot both
 * move the same entry) and each booking type's waitlist settings. Join order is {@code joinedAt}, then id.
 */
public interface WaitlistRepository {

  /** Stores a new entry; fails with a ConflictException if the id exists. */
  Future<Void> insert(WaitlistEntry entry);

  /** Replaces the entry if its stored revision is {@code entry.revision() - 1}; fails with a ConflictException else. */
  Future<Void> update(WaitlistEntry entry);

  Future<Optional<WaitlistEntry>> findById(String id);

  /** The WAITING entries for the resource's booking types, in join order. */
  Future<List<WaitlistEntry>> findWaiting(String resourceId);

  /** Ids of resources that have WAITING entries. */
  Future<List<String>> resourcesWithWaiting();

  /** OFFERED entries (at most {@code limit}), for lapsing expired offers and re-recording their mail. */
  Future<List<WaitlistEntry>> findOffered(int limit);

  /** The entry whose open or claimed offer is held as booking {@code bookingId}. */
  Future<Optional<WaitlistEntry>> findByOfferedBooking(String bookingId);

  /** The provider's entries in join order, all statuses, optionally of one booking type (keyset-paginated). */
  Future<Page<WaitlistEntry>> listByProvider(String providerId, String bookingTypeId, PageRequest page);

  /**
   * The provider's BOOKED entries whose claimed offer became one of these bookings (at most a few hundred ids per
   * call). Adapters read the provider's entries, never every tenant's.
   */
  Future<List<WaitlistEntry>> findBookedByBookings(String providerId, List<String> bookingIds);

  /** The value recovered by each BOOKED entry of the provider. */
  Future<List<Money>> recoveredValues(String providerId);

  Future<Optional<WaitlistSettings>> settings(String bookingTypeId);

  Future<Void> saveSettings(WaitlistSettings settings);
}
