package dev.dovetail.account.port.out;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.OutboundMessage;
import java.time.Instant;

/** Renders the account's password mails; the recipient of each message is the account's login. */
public interface PasswordMailRenderer {

  /**
   * The reset mail ({@code PROVIDER_PASSWORD_RESET}): the link, until when it works, and what to do if one did not ask.
   *
   * @param provider the account's provider, for its name and time zone
   */
  MailMessage renderReset(OutboundMessage message, Provider provider, String resetLink, Instant expiresAt);

  /**
   * The notice that the password was changed ({@code PROVIDER_PASSWORD_CHANGED}), with where to reset it if that was
   * not the account's owner.
   */
  MailMessage renderChanged(OutboundMessage message, Provider provider, Instant changedAt, String forgotLink);
}
