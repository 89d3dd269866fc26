package dev.dovetail.waitlist.port.in;

import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import io.vertx.core.Future;
import java.time.ZoneId;

/** What a customer does with a booking type's waitlist: join it, leave it (signed link), claim an offer (signed link). */
public interface Waitlist {

  record JoinCommand(String bookingTypeId, String customerName, String customerEmail, ZoneId customerZone, Wish wish) {}

  /** The entry and the secret of its leave link. */
  record Joined(WaitlistEntry entry, String leaveToken) {}

  /**
   * Joins; fails with a SlotTakenException carrying the free slots if the wish can be booked right now, and with a
   * ConflictException if the type's waitlist is off.
   */
  Future<Joined> join(JoinCommand command);

  /** Leaves the list; an open offer is withdrawn (its slot passes to the next customer). */
  Future<WaitlistEntry> leave(String leaveToken);

  /**
   * Claims the offer the token was sent for: the held slot becomes a confirmed booking. After the window, fails with a
   * SlotTakenException carrying the slots free now that match the wish (or the nearest ones).
   */
  Future<BookingReceipt> claim(String claimToken);
}
