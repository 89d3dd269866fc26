package dev.dovetail.infra.mail;

import dev.dovetail.account.port.out.PasswordResetMailRenderer;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the password-reset mail from {@code mail/provider-password-reset.*}: the link, until when it works (in the
 * provider's zone), that it works once, and that nothing changes if one did not ask. HTML escapes every value.
 */
public final class TemplatePasswordResetMailRenderer implements PasswordResetMailRenderer {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

  private final MailTemplates templates = MailTemplates.load(MessageKind.PROVIDER_PASSWORD_RESET);

  @Override
  public MailMessage render(OutboundMessage message, Provider provider, String resetLink, Instant expiresAt) {
    if (message.kind() != MessageKind.PROVIDER_PASSWORD_RESET) {
      throw new IllegalArgumentException("not a password-reset mail: " + message.kind());
    }
    Map<String, Object> v = new HashMap<>();
    v.put("providerName", provider.displayName());
    v.put("login", message.recipient());
    v.put("resetLink", resetLink);
    v.put("expiresAt", WHEN.format(expiresAt.atZone(provider.zone())));
    v.put("timeZone", provider.zone().getId());
    return templates.render(message, v);
  }
}
