package dev.dovetail.app;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.infra.mail.TemplateWebhookMailRenderer;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.infra.webhook.HttpWebhookTransport;
import dev.dovetail.payment.port.out.PaymentRepository;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import dev.dovetail.webhook.app.BookingWebhooks;
import dev.dovetail.webhook.app.DisabledEndpointMail;
import dev.dovetail.webhook.app.PaymentEvents;
import dev.dovetail.webhook.app.WaitlistEvents;
import dev.dovetail.webhook.app.WebhookDispatcher;
import dev.dovetail.webhook.app.WebhookService;
import dev.dovetail.webhook.port.out.EventViews;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook wiring of one hub: booking changes become events in the store's webhook outbox (with the change); every
 * node runs a dispatcher every {@value #PERIOD_MS} ms and soon after events were recorded; leases in the store keep
 * nodes from sending a delivery twice. Payment, waitlist and connection changes record their events through {@link
 * #payments()}, {@link #waitlist()} and the sync notices; an endpoint the hub disables is mailed to its provider
 * through the mail outbox ({@link #mail()}, a composer for it). Private addresses and plain http only with
 * DOVETAIL_WEBHOOK_ALLOW_PRIVATE.
 */
record Webhooks(Vertx vertx, Clock clock, MongoStore store, WebhookService service, WebhookDispatcher dispatcher,
    BookingWebhooks events, DisabledEndpointMail mail) {

  private static final EventViews VIEWS = new ApiViews();

  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
  static final long PERIOD_MS = 2_000;
  static final Duration PRUNE_PERIOD = Duration.ofDays(1);
  static final long NUDGE_DELAY_MS = 250;

  static Webhooks wire(Vertx vertx, AppConfig config, Clock clock, MongoStore store) {
    String nodeId = "hub-" + config.cluster().host() + "-" + Ids.random().substring(0, 8);
    WebhookDispatcher[] dispatcher = new WebhookDispatcher[1];
    DisabledEndpointMail mail = new DisabledEndpointMail(store.webhookEndpoints(), store.providers(), store.outbox(),
        new TemplateWebhookMailRenderer(), config.http().publicUrl(), clock);
    WebhookService service = new WebhookService(store.webhookEndpoints(), store.webhookEvents(), clock,
        config.security().webhookAllowPrivate(), () -> vertx.setTimer(NUDGE_DELAY_MS, id -> run(dispatcher[0])));
    dispatcher[0] = new WebhookDispatcher(store.webhookEvents(), store.webhookEndpoints(),
        new HttpWebhookTransport(vertx, vertx.createHttpClient(), clock, config.security().webhookAllowPrivate()),
        endpoint -> {
          LOG.warn("webhook endpoint {} of {} disabled, provider mailed: {}", endpoint.id(), endpoint.providerId(),
              endpoint.disabledReason());
          return mail.send(endpoint);
        }, clock, WebhookDispatcher.Settings.defaults(nodeId),
        () -> ThreadLocalRandom.current().nextDouble());
    if (config.security().webhookAllowPrivate()) {
      LOG.warn("DOVETAIL_WEBHOOK_ALLOW_PRIVATE=true: webhooks may go to plain http and private addresses");
    }
    return new Webhooks(vertx, clock, store, service, dispatcher[0], new BookingWebhooks(service, VIEWS, clock),
        mail);
  }

  /** The payments store, recording payment.* and booking.no_show events with each payment change. */
  PaymentRepository payments() {
    return new PaymentEvents(store.payments(), store.bookings(), service, VIEWS, clock);
  }

  /** The waitlist store, recording waitlist.* events with each entry change. */
  WaitlistRepository waitlist() {
    return new WaitlistEvents(store.waitlist(), service, VIEWS, clock);
  }

  private static void run(WebhookDispatcher dispatcher) {
    dispatcher.runOnce()
        .onSuccess(report -> LOG.debug("webhooks: {}", report))
        .onFailure(err -> LOG.warn("webhook dispatch failed: {}", err.getMessage()));
  }

  /** Starts the periodic dispatch and the daily feed pruning; returns the timer ids. */
  List<Long> start() {
    long dispatch = vertx.setPeriodic(PERIOD_MS, id -> run(dispatcher));
    OneRunAtATime prunes = new OneRunAtATime("webhook feed pruning", PRUNE_PERIOD);
    long prune = vertx.setPeriodic(PRUNE_PERIOD.toMillis(), id -> prunes.tick(service::prune));
    return List.of(dispatch, prune);
  }
}
