package dev.dovetail.waitlist.port.in;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.waitlist.domain.RecoveredBookings;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import io.vertx.core.Future;
import java.time.Instant;

/** The provider's side of the waitlist, tenant-scoped: see and remove entries, settings, offers by hand, results. */
public interface ManageWaitlist {

  Future<Page<WaitlistEntry>> entries(String providerId, String bookingTypeId, PageRequest page);

  /** Takes the entry off the list; an open offer is withdrawn (its slot passes to the next customer). */
  Future<WaitlistEntry> remove(String providerId, String entryId);

  Future<WaitlistSettings> settings(String providerId, String bookingTypeId);

  Future<WaitlistSettings> updateSettings(String providerId, WaitlistSettings settings);

  /** Offers the slot starting at {@code start} to a waiting entry, whatever its wish; the slot must be free. */
  Future<WaitlistEntry> offer(String providerId, String entryId, Instant start);

  Future<RecoveredBookings> recovered(String providerId);
}
