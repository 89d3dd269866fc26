package dev.dovetail.infra.mail;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.port.out.WebhookMailRenderer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the disabled-webhook mail from {@code mail/provider-webhook-disabled.*} (same layout and partials as the
 * other mails): which endpoint, since when it failed, why the hub stopped, and the dashboard link where the delivery
 * log shows the receiver's answers and the endpoint can be enabled again; times in the provider's zone. HTML escapes
 * every value. Templates are compiled when the renderer is built, so a broken one stops the hub at start-up.
 */
public final class TemplateWebhookMailRenderer implements WebhookMailRenderer {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

  private final MailTemplates templates = MailTemplates.load(MessageKind.PROVIDER_WEBHOOK_DISABLED);

  @Override
  public MailMessage render(OutboundMessage message, WebhookEndpoint endpoint, Provider provider,
      String dashboardLink) {
    if (message.kind() != MessageKind.PROVIDER_WEBHOOK_DISABLED) {
      throw new IllegalArgumentException("not a disabled-webhook mail: " + message.kind());
    }
    Map<String, Object> v = new HashMap<>();
    v.put("providerName", provider.displayName());
    v.put("url", endpoint.url());
    v.put("description", endpoint.description() == null ? "" : endpoint.description());
    v.put("failingSince", endpoint.failingSince() == null ? "unknown"
        : when(endpoint.failingSince().atZone(provider.zone())));
    v.put("timeZone", provider.zone().getId());
    v.put("reason", endpoint.disabledReason() == null ? "deliveries kept failing" : endpoint.disabledReason());
    v.put("dashboardLink", dashboardLink);
    return templates.render(message, v);
  }

  private static String when(ZonedDateTime at) {
    return WHEN.format(at);
  }
}
