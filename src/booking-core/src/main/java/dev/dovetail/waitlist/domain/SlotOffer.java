package dev.dovetail.waitlist.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.util.Objects;

/**
 * A freed slot offered to one waiting customer: held for them as the HELD booking {@code bookingId} until {@code
 * expiresAt} (the hold's own expiry, so the schedule frees the slot by itself if nobody claims it). {@code byHand}
 * when the provider made the offer.
 */
public record SlotOffer(String bookingId, TimeRange slot, Instant expiresAt, boolean byHand) {

  public SlotOffer {
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean openAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
