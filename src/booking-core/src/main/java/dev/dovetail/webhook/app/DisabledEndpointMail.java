package dev.dovetail.webhook.app;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.MessageComposer;
import dev.dovetail.notification.port.out.OutboxRepository;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.port.out.EndpointDisabledNotice;
import dev.dovetail.webhook.port.out.WebhookEndpointRepository;
import dev.dovetail.webhook.port.out.WebhookMailRenderer;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The mail that tells a provider the hub disabled a webhook endpoint that kept failing ({@code
 * PROVIDER_WEBHOOK_DISABLED}), through the notification outbox. Its subject is the endpoint and the failing run that
 * disabled it ({@code <endpointId>@<failingSince millis>}), so the message id is deterministic: the disabling node
 * records it once, a retry stores nothing new, and an endpoint enabled again that fails again for days is mailed
 * again. Decided at send time: skipped if the provider enabled or deleted the endpoint meanwhile.
 */
public final class DisabledEndpointMail implements EndpointDisabledNotice, MessageComposer {

  /** Where a provider manages webhook endpoints, under the hub's public URL. */
  public static final String DASHBOARD_PATH = "/dashboard#webhooks";

  private final WebhookEndpointRepository endpoints;
  private final ProviderRepository providers;
  private final OutboxRepository outbox;
  private final WebhookMailRenderer renderer;
  private final String dashboardLink;
  private final Clock clock;

  public DisabledEndpointMail(WebhookEndpointRepository endpoints, ProviderRepository providers,
      OutboxRepository outbox, WebhookMailRenderer renderer, String publicUrl, Clock clock) {
    this.endpoints = endpoints;
    this.providers = providers;
    this.outbox = outbox;
    this.renderer = renderer;
    this.dashboardLink = publicUrl.replaceAll("/+$", "") + DASHBOARD_PATH;
    this.clock = clock;
  }

  static String subjectOf(WebhookEndpoint endpoint) {
    Instant since = endpoint.failingSince() == null ? endpoint.createdAt() : endpoint.failingSince();
    return endpoint.id() + "@" + since.toEpochMilli();
  }

  @Override
  public Future<Void> send(WebhookEndpoint disabled) {
    Instant now = clock.instant();
    return providers.findById(disabled.providerId()).compose(provider -> provider.isEmpty()
        ? Future.succeededFuture()
        : outbox.record(List.of(OutboundMessage.pending(disabled.providerId(), subjectOf(disabled), 0,
            MessageKind.PROVIDER_WEBHOOK_DISABLED, null, provider.get().email(), now, now))));
  }

  @Override
  public Future<Composition> compose(OutboundMessage message, Instant now) {
    if (message.kind() != MessageKind.PROVIDER_WEBHOOK_DISABLED) {
      return Future.succeededFuture(Composition.skip("not a webhook message: " + message.kind()));
    }
    int at = message.bookingId().lastIndexOf('@');
    if (at < 0) {
      return Future.succeededFuture(Composition.skip("not an endpoint subject: " + message.bookingId()));
    }
    return endpoints.find(message.providerId(), message.bookingId().substring(0, at)).compose(found -> {
      if (found.isEmpty() || found.get().enabled()) {
        return Future.succeededFuture(Composition.skip("the endpoint was deleted or enabled again"));
      }
      return providers.findById(message.providerId()).map(provider -> provider
          .map(p -> Composition.send(render(message, found.get(), p)))
          .orElseGet(() -> Composition.skip("the provider is gone")));
    });
  }

  private MailMessage render(OutboundMessage message, WebhookEndpoint endpoint, Provider provider) {
    try {
      return renderer.render(message, endpoint, provider, dashboardLink);
    } catch (RuntimeException e) {
      throw new DeliveryException("cannot render: " + e, true, e);
    }
  }
}
