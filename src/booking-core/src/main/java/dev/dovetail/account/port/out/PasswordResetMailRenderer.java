package dev.dovetail.account.port.out;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.OutboundMessage;
import java.time.Instant;

/** Renders the password-reset mail: the link, until when it works, and what to do if one did not ask for it. */
public interface PasswordResetMailRenderer {

  /**
   * @param message the outbox message (kind {@code PROVIDER_PASSWORD_RESET}); its recipient is the account's login
   * @param provider the account's provider, for its name and time zone
   */
  MailMessage render(OutboundMessage message, Provider provider, String resetLink, Instant expiresAt);
}
