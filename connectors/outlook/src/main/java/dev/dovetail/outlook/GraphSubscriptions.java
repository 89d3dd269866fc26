package dev.dovetail.outlook;

import com.microsoft.graph.models.Subscription;
import dev.dovetail.booking.domain.Secrets;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.port.out.PushSupport;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Push channels as Graph subscriptions on a calendar's events. Graph validates the notification URL (and the same URL
 * for lifecycle events) by a handshake before it answers; every expiry asked for is capped at the configured maximum
 * lifetime. The receiving end is {@link OutlookHooks}.
 */
final class GraphSubscriptions implements PushSupport {

  private final GraphClients clients;
  private final Duration maxLifetime;
  private final Clock clock;

  GraphSubscriptions(GraphClients clients, Duration maxLifetime, Clock clock) {
    this.clients = clients;
    this.maxLifetime = maxLifetime;
    this.clock = clock;
  }

  @Override
  public Future<PushChannel> watch(Grant grant, String calendarId, String channelId, String secret,
      String callbackUrl, Instant requestedExpiry) {
    return clients.blocking(grant, () -> {
      Subscription s = new Subscription();
      s.setChangeType("created,updated,deleted");
      s.setResource(clients.mailboxPath(grant) + "/calendars/" + calendarId + "/events");
      s.setNotificationUrl(callbackUrl);
      s.setLifecycleNotificationUrl(callbackUrl);
      s.setClientState(secret);
      s.setExpirationDateTime(capped(requestedExpiry));
      Subscription created = clients.client(grant).subscriptions().post(s);
      return new PushChannel(channelId, created.getId(), Secrets.sha256(secret),
          created.getExpirationDateTime().toInstant());
    });
  }

  /** Moves a subscription's expiry (renewal, or the answer to reauthorizationRequired). */
  Future<PushChannel> renew(Grant grant, PushChannel channel, Instant requestedExpiry) {
    return clients.blocking(grant, () -> {
      Subscription s = new Subscription();
      s.setExpirationDateTime(capped(requestedExpiry));
      Subscription renewed = clients.client(grant).subscriptions().bySubscriptionId(channel.resourceId()).patch(s);
      return new PushChannel(channel.id(), channel.resourceId(), channel.secretHash(),
          renewed.getExpirationDateTime().toInstant());
    });
  }

  @Override
  public Future<Void> stop(Grant grant, PushChannel channel) {
    return clients.blocking(grant, () -> {
      GraphErrors.doneIfGone(
          () -> clients.client(grant).subscriptions().bySubscriptionId(channel.resourceId()).delete());
      return null;
    });
  }

  /** {@code requested}, or the longest lifetime Graph allows from now if that is sooner. */
  private OffsetDateTime capped(Instant requested) {
    Instant cap = clock.instant().plus(maxLifetime);
    return (requested.isAfter(cap) ? cap : requested).atOffset(ZoneOffset.UTC);
  }
}
