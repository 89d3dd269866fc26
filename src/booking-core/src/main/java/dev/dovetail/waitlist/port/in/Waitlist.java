package dev.dovetail.waitlist.port.in;

import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.ZoneId;

/** What a customer does with a booking type's waitlist: join it, leave it (signed link), claim an offer (signed link). */
public interface Waitlist {

  /** {@code language}: the customer's (the booking page's); their waitlist mails are written in it. */
  record JoinCommand(String bookingTypeId, String customerName, String customerEmail, ZoneId customerZone, Wish wish,
      Language language) {

    public JoinCommand {
      language = language == null ? Language.EN : language;
    }

    /** A join in English. */
    public JoinCommand(String bookingTypeId, String customerName, String customerEmail, ZoneId customerZone,
        Wish wish) {
      this(bookingTypeId, customerName, customerEmail, customerZone, wish, Language.EN);
    }
  }

  /**
   * What a claim link holds: the slot (in the customer's zone as they joined), until when, and whether it can still be
   * claimed ({@code open}: the offer is the one the link was sent for and its window has not passed).
   */
  record HeldOffer(String bookingTypeId, TimeRange slot, Instant heldUntil, ZoneId customerZone, boolean open) {}

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

  /** The offer a claim link was sent for, to show before the customer claims it; 404 for an unknown link. */
  Future<HeldOffer> offerOf(String claimToken);
}
