package dev.dovetail.webhook.port.out;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.webhook.domain.WebhookEndpoint;

/** Renders the mail that tells a provider the hub disabled one of its webhook endpoints. */
public interface WebhookMailRenderer {

  /**
   * @param message the outbox message (kind {@code PROVIDER_WEBHOOK_DISABLED})
   * @param endpoint the endpoint as it is now (disabled, with its reason and failing-since time)
   * @param dashboardLink where the provider looks at the delivery log and enables the endpoint again
   */
  MailMessage render(OutboundMessage message, WebhookEndpoint endpoint, Provider provider, String dashboardLink);
}
