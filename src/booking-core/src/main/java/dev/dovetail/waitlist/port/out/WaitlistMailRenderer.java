package dev.dovetail.waitlist.port.out;

import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.waitlist.domain.WaitlistEntry;

/**
 * Renders the waitlist's mails: the join confirmation (with the leave link) and a slot offer (the slot in the
 * customer's zone, the claim window, the claim and leave links). Pure and quick: runs on the event loop.
 */
public interface WaitlistMailRenderer {

  /** @param claimLink null for the join confirmation */
  MailMessage render(OutboundMessage message, WaitlistEntry entry, PublicCatalog.Offer offer, String claimLink,
      String leaveLink);
}
