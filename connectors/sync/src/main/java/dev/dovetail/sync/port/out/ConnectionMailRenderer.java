package dev.dovetail.sync.port.out;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.sync.domain.Connection;

/** Writes the mail that tells a provider their calendar connection broke (text and HTML, no attachment). */
public interface ConnectionMailRenderer {

  /**
   * @param message the outbox message (its id, recipient and kind {@code PROVIDER_CALENDAR_BROKEN})
   * @param broken the connection as it broke (account, service, reason, when)
   * @param reconnectLink where the provider connects the account again
   */
  MailMessage render(OutboundMessage message, Connection broken, Provider provider, String reconnectLink);
}
