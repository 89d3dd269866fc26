package dev.dovetail.webhook.app;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.port.out.Acknowledged;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.DeliveryState;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.FeedPage;
import dev.dovetail.webhook.domain.SigningSecret;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.domain.WebhookEvent;
import dev.dovetail.webhook.port.in.ManageWebhookEndpoints;
import dev.dovetail.webhook.port.in.PublishEvents;
import dev.dovetail.webhook.port.out.WebhookEndpointRepository;
import dev.dovetail.webhook.port.out.WebhookEventRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Endpoints, events and the delivery log. Publishing looks up the provider's endpoints and records each event with
 * one pending delivery per endpoint that wants it, in one call to the outbox. URLs must be https unless
 * {@code allowPlainHttp} (DOVETAIL_WEBHOOK_ALLOW_PRIVATE); where they point is checked again at each delivery, after
 * DNS resolution, by the transport.
 */
public class WebhookService implements PublishEvents, ManageWebhookEndpoints {

  public static final int MAX_ENDPOINTS = 20;
  public static final int MAX_URL = 2048;
  public static final int MAX_PAGE = 100;
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);
  public static final Duration FEED_RETENTION = Duration.ofDays(30);

  private final WebhookEndpointRepository endpoints;
  private final WebhookEventRepository outbox;
  private final Clock clock;
  private final boolean allowPlainHttp;
  private final Runnable onRecorded;

  /** @param onRecorded called after deliveries were recorded (e.g. to run the dispatcher soon) */
  public WebhookService(WebhookEndpointRepository endpoints, WebhookEventRepository outbox, Clock clock,
      boolean allowPlainHttp, Runnable onRecorded) {
    this.endpoints = endpoints;
    this.outbox = outbox;
    this.clock = clock;
    this.allowPlainHttp = allowPlainHttp;
    this.onRecorded = onRecorded;
  }

  @Override
  public Future<Void> publish(List<WebhookEvent> events) {
    return publishAcknowledged(events).compose(Acknowledged::durable);
  }

  /** The events and their deliveries, acknowledged by the outbox; {@code onRecorded} runs once they are durable. */
  @Override
  public Future<Acknowledged> publishAcknowledged(List<WebhookEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(Acknowledged.DURABLE);
    }
    Set<String> providers = events.stream().map(WebhookEvent::providerId).collect(Collectors.toSet());
    Map<String, Future<List<WebhookEndpoint>>> byProvider = new HashMap<>();
    providers.forEach(p -> byProvider.put(p, endpoints.list(p)));
    Instant now = clock.instant();
    return Future.all(List.copyOf(byProvider.values()))
        .compose(all -> outbox.recordAcknowledged(events, e -> byProvider.get(e.providerId()).result().stream()
            .filter(endpoint -> endpoint.wants(e.type()))
            .map(endpoint -> Delivery.pending(e, endpoint.id(), now))
            .toList(), now))
        .map(recorded -> Acknowledged.by(outbox.durability(), onRecorded));
  }

  @Override
  public Future<WebhookEndpoint> create(String providerId, String url, Set<EventType> events, String description) {
    Instant now = clock.instant();
    WebhookEndpoint endpoint;
    try {
      endpoint = new WebhookEndpoint(Ids.random(), providerId, checkedUrl(url), checkedEvents(events), description,
          true, List.of(SigningSecret.generate(now)), null, null, now);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new InvalidRequestException(e.getMessage()));
    }
    return endpoints.count(providerId).compose(count -> count >= MAX_ENDPOINTS
        ? Future.failedFuture(new InvalidRequestException("at most " + MAX_ENDPOINTS + " webhook endpoints"))
        : endpoints.save(endpoint).map(endpoint));
  }

  @Override
  public Future<List<WebhookEndpoint>> list(String providerId) {
    return endpoints.list(providerId);
  }

  @Override
  public Future<WebhookEndpoint> get(String providerId, String endpointId) {
    return endpoints.find(providerId, endpointId)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFoundException("webhook endpoint", endpointId))));
  }

  @Override
  public Future<WebhookEndpoint> update(String providerId, String endpointId, Edit edit) {
    return get(providerId, endpointId).compose(current -> {
      WebhookEndpoint next;
      try {
        next = current.edited(
            edit.url() == null ? current.url() : checkedUrl(edit.url()),
            edit.events() == null ? current.events() : checkedEvents(edit.events()),
            edit.description() == null ? current.description() : edit.description(),
            edit.enabled() == null ? current.enabled() : edit.enabled());
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(new InvalidRequestException(e.getMessage()));
      }
      Future<Void> saved = endpoints.save(next);
      return (next.enabled() ? saved : saved.compose(v -> outbox.abandonPending(endpointId)).mapEmpty())
          .map(next);
    });
  }

  @Override
  public Future<Void> delete(String providerId, String endpointId) {
    return endpoints.delete(providerId, endpointId).compose(existed -> existed
        ? outbox.abandonPending(endpointId).<Void>mapEmpty()
        : Future.failedFuture(new NotFoundException("webhook endpoint", endpointId)));
  }

  @Override
  public Future<WebhookEndpoint> rotateSecret(String providerId, String endpointId) {
    Instant now = clock.instant();
    return get(providerId, endpointId).compose(current -> {
      WebhookEndpoint next = current.rotated(SigningSecret.generate(now), now, ROTATION_GRACE);
      return endpoints.save(next).map(next);
    });
  }

  @Override
  public Future<Delivery> sendTest(String providerId, String endpointId) {
    Instant now = clock.instant();
    return get(providerId, endpointId).compose(endpoint -> {
      WebhookEvent test = WebhookEvent.of(providerId, EventType.WEBHOOK_TEST, endpoint.id() + "-" + Ids.random(), 0,
          now, new JsonObject().put("endpointId", endpoint.id()).put("message", "a test event from Dovetail"));
      Delivery[] made = new Delivery[1];
      return outbox.record(List.of(test), e -> {
        made[0] = Delivery.pending(e, endpoint.id(), now);
        return List.of(made[0]);
      }, now).map(recorded -> {
        onRecorded.run();
        return made[0];
      });
    });
  }

  @Override
  public Future<List<Delivery>> deliveries(String providerId, String endpointId, long before, int limit) {
    return get(providerId, endpointId)
        .compose(endpoint -> outbox.deliveriesOf(providerId, endpointId, before, pageSize(limit)));
  }

  @Override
  public Future<Delivery> redeliver(String providerId, String deliveryId) {
    Instant now = clock.instant();
    return outbox.findDelivery(providerId, deliveryId).compose(found -> {
      Delivery delivery = found.orElse(null);
      if (delivery == null) {
        return Future.failedFuture(new NotFoundException("delivery", deliveryId));
      }
      if (delivery.state() == DeliveryState.PENDING) {
        return Future.failedFuture(new InvalidRequestException("the delivery is still pending"));
      }
      Delivery again = delivery.redelivered(now);
      return outbox.replaceUnleased(again, now).compose(done -> done
          ? Future.succeededFuture(again).onSuccess(d -> onRecorded.run())
          : Future.failedFuture(new InvalidRequestException("the delivery is being sent")));
    });
  }

  @Override
  public Future<FeedPage> feed(String providerId, long after, int limit) {
    if (after < 0) {
      return Future.failedFuture(new InvalidRequestException("after must be a cursor from this feed"));
    }
    return Future.succeededFuture(limit).compose(l -> outbox.feed(providerId, after, pageSize(l)))
        .map(stored -> FeedPage.of(after, stored, clock.instant()));
  }

  /** Deletes what is older than the feed keeps; run daily. */
  public Future<Long> prune() {
    return outbox.pruneBefore(clock.instant().minus(FEED_RETENTION));
  }

  private static int pageSize(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidRequestException("limit must be 1-" + MAX_PAGE);
    }
    return limit;
  }

  private String checkedUrl(String url) {
    if (url == null || url.length() > MAX_URL) {
      throw new IllegalArgumentException("url is required, at most " + MAX_URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
      throw new IllegalArgumentException("url must be https");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException("url needs a host and no user info");
    }
    return url;
  }

  private static Set<EventType> checkedEvents(Set<EventType> events) {
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("events must list at least one event type");
    }
    return events;
  }
}
