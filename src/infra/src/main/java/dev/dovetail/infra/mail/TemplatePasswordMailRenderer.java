package dev.dovetail.infra.mail;

import dev.dovetail.account.port.out.PasswordMailRenderer;
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
 * Renders the password mails from {@code mail/provider-password-reset.*} (the link, until when it works, that it works
 * once, and that nothing changes if one did not ask) and {@code mail/provider-password-changed.*} (when, and where to
 * reset it if that was not the owner). Times in the provider's zone; HTML escapes every value.
 */
public final class TemplatePasswordMailRenderer implements PasswordMailRenderer {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

  private final MailTemplates reset = MailTemplates.load(MessageKind.PROVIDER_PASSWORD_RESET);
  private final MailTemplates changed = MailTemplates.load(MessageKind.PROVIDER_PASSWORD_CHANGED);

  @Override
  public MailMessage renderReset(OutboundMessage message, Provider provider, String resetLink, Instant expiresAt) {
    Map<String, Object> v = values(message, MessageKind.PROVIDER_PASSWORD_RESET, provider);
    v.put("resetLink", resetLink);
    v.put("expiresAt", WHEN.format(expiresAt.atZone(provider.zone())));
    return reset.render(message, v);
  }

  @Override
  public MailMessage renderChanged(OutboundMessage message, Provider provider, Instant changedAt, String forgotLink) {
    Map<String, Object> v = values(message, MessageKind.PROVIDER_PASSWORD_CHANGED, provider);
    v.put("changedAt", WHEN.format(changedAt.atZone(provider.zone())));
    v.put("forgotLink", forgotLink);
    return changed.render(message, v);
  }

  private static Map<String, Object> values(OutboundMessage message, MessageKind kind, Provider provider) {
    if (message.kind() != kind) {
      throw new IllegalArgumentException("not a " + kind + " mail: " + message.kind());
    }
    Map<String, Object> v = new HashMap<>();
    v.put("providerName", provider.displayName());
    v.put("login", message.recipient());
    v.put("timeZone", provider.zone().getId());
    return v;
  }
}
