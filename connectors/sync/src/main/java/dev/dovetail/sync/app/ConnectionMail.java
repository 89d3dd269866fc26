package dev.dovetail.sync.app;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.MessageComposer;
import dev.dovetail.notification.port.out.OutboxRepository;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.port.out.ConnectionMailRenderer;
import dev.dovetail.sync.port.out.ConnectionRepository;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The mail that tells a provider a calendar connection broke ({@code PROVIDER_CALENDAR_BROKEN}), through the
 * notification outbox. Its subject is the connection and the grant it lost ({@code <connectionId>@<connectedAt
 * millis>}), so each break has one deterministic message id: a second node or a retry recording the same break stores
 * nothing new, and a break after reconnecting (a new grant, a new {@code connectedAt}) is mailed again. Decided at
 * send time from the connection as it is then: skipped once the provider has connected again or removed it.
 */
public final class ConnectionMail implements MessageComposer {

  /** Where a provider manages calendar connections, under the hub's public URL. */
  public static final String RECONNECT_PATH = "/dashboard#calendars";

  private final ConnectionRepository connections;
  private final ProviderRepository providers;
  private final OutboxRepository outbox;
  private final ConnectionMailRenderer renderer;
  private final String reconnectLink;

  /** @param publicUrl the hub's public URL; the reconnect link is {@code <publicUrl>/dashboard#calendars} */
  public ConnectionMail(ConnectionRepository connections, ProviderRepository providers, OutboxRepository outbox,
      ConnectionMailRenderer renderer, String publicUrl) {
    this.connections = connections;
    this.providers = providers;
    this.outbox = outbox;
    this.renderer = renderer;
    this.reconnectLink = publicUrl.replaceAll("/+$", "") + RECONNECT_PATH;
  }

  public String reconnectLink() {
    return reconnectLink;
  }

  /** The message's subject for this connection's current grant. */
  static String subjectOf(Connection connection) {
    return connection.id() + "@" + connection.connectedAt().toEpochMilli();
  }

  /** Records the mail for a connection that just broke (once per break), to the provider's address. */
  public Future<Void> recordBroken(Connection broken, Instant now) {
    if (broken.connected()) {
      return Future.failedFuture(new IllegalArgumentException("the connection is not broken: " + broken.id()));
    }
    return providers.findById(broken.providerId()).compose(provider -> provider.isEmpty()
        ? Future.succeededFuture()
        : outbox.record(List.of(OutboundMessage.pending(broken.providerId(), subjectOf(broken), 0,
            MessageKind.PROVIDER_CALENDAR_BROKEN, null, provider.get().email(), now, now))));
  }

  @Override
  public Future<Composition> compose(OutboundMessage message, Instant now) {
    if (message.kind() != MessageKind.PROVIDER_CALENDAR_BROKEN) {
      return Future.succeededFuture(Composition.skip("not a calendar connection message: " + message.kind()));
    }
    int at = message.bookingId().lastIndexOf('@');
    if (at < 0) {
      return Future.succeededFuture(Composition.skip("not a connection subject: " + message.bookingId()));
    }
    String connectionId = message.bookingId().substring(0, at);
    return connections.findById(connectionId).compose(found -> {
      Optional<Connection> broken = found.filter(c -> subjectOf(c).equals(message.bookingId()))
          .filter(c -> !c.connected());
      if (broken.isEmpty()) {
        return Future.succeededFuture(Composition.skip("the connection was removed or connected again"));
      }
      return providers.findById(broken.get().providerId()).map(provider -> provider
          .map(p -> Composition.send(render(message, broken.get(), p)))
          .orElseGet(() -> Composition.skip("the provider is gone")));
    });
  }

  private MailMessage render(OutboundMessage message, Connection broken, Provider provider) {
    try {
      return renderer.render(message, broken, provider, reconnectLink);
    } catch (RuntimeException e) {
      throw new DeliveryException("cannot render: " + e, true, e);
    }
  }
}
