package dev.dovetail.webhook.app;

import dev.dovetail.webhook.domain.Attempt;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.RetrySchedule;
import dev.dovetail.webhook.domain.Signature;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.domain.WebhookEvent;
import dev.dovetail.webhook.port.out.EndpointDisabledNotice;
import dev.dovetail.webhook.port.out.WebhookEndpointRepository;
import dev.dovetail.webhook.port.out.WebhookEventRepository;
import dev.dovetail.webhook.port.out.WebhookTransport;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * Sends what the webhook outbox owes. Safe on every hub node at once: a delivery is taken with a lease written in the
 * store, only the holder records its outcome, and a holder that dies leaves the lease to expire. Per delivery taken:
 * if an earlier delivery of the same endpoint and subject is pending, wait behind it (so a consumer never sees
 * {@code cancelled} before {@code created}); otherwise sign with every valid secret, post with a 10 s timeout, and
 * record SUCCEEDED on a 2xx, else retry with back-off and jitter for about 3 days, then FAILED. An endpoint failing
 * unbroken for {@link RetrySchedule#disableAfter()} is disabled, its pending deliveries abandoned, and its provider
 * mailed once (by the node whose save disabled it). The duplicate window: a crash, or a lost lease, between the
 * receiver's 2xx and the SUCCEEDED write; the event then arrives again with the same id.
 */
public class WebhookDispatcher {

  /**
   * How a dispatcher works; {@code lease} must exceed {@code timeout}. {@code lanes}: how many subjects (endpoint and
   * booking) of a batch are sent at once; one subject's deliveries always go one after the other.
   */
  public record Settings(String nodeId, Duration lease, Duration timeout, int batchSize, Duration orderWait,
      RetrySchedule retries, int lanes) {

    public static Settings defaults(String nodeId) {
      return new Settings(nodeId, Duration.ofSeconds(60), Duration.ofSeconds(10), 50, Duration.ofSeconds(1),
          RetrySchedule.DEFAULT, 8);
    }
  }

  /** What one run did. */
  public record Report(int claimed, int succeeded, int retried, int failed, int waiting, int lost) {

    Report plus(Report o) {
      return new Report(claimed + o.claimed, succeeded + o.succeeded, retried + o.retried, failed + o.failed,
          waiting + o.waiting, lost + o.lost);
    }
  }

  private enum Outcome { SUCCEEDED, RETRIED, FAILED, WAITING, LOST }

  private final WebhookEventRepository outbox;
  private final WebhookEndpointRepository endpoints;
  private final WebhookTransport transport;
  private final EndpointDisabledNotice notice;
  private final Clock clock;
  private final Settings settings;
  private final DoubleSupplier random;
  private final AtomicBoolean running = new AtomicBoolean();

  public WebhookDispatcher(WebhookEventRepository outbox, WebhookEndpointRepository endpoints,
      WebhookTransport transport, EndpointDisabledNotice notice, Clock clock, Settings settings,
      DoubleSupplier random) {
    this.outbox = outbox;
    this.endpoints = endpoints;
    this.transport = transport;
    this.notice = notice;
    this.clock = clock;
    this.settings = settings;
    this.random = random;
  }

  /** Takes and handles one batch of due deliveries; a run already under way on this node makes this one a no-op. */
  public Future<Report> runOnce() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(new Report(0, 0, 0, 0, 0, 0));
    }
    Instant now = clock.instant();
    return outbox.claimDue(now, settings.nodeId(), settings.lease(), settings.batchSize())
        .compose(this::handleAll)
        .andThen(done -> running.set(false));
  }

  /**
   * Handles a batch in up to {@code lanes} lanes at once. The deliveries of one endpoint and subject share a lane and
   * run one after the other in position order (as claimed), so a later one finds the earlier one finished; a slow
   * endpoint holds only its own lanes' share of the batch.
   */
  private Future<Report> handleAll(List<Delivery> taken) {
    Map<String, List<Delivery>> bySubject = new LinkedHashMap<>();
    taken.stream().sorted(Comparator.comparingLong(Delivery::position)).forEach(d -> bySubject
        .computeIfAbsent(d.endpointId() + "|" + d.subjectId(), k -> new ArrayList<>()).add(d));
    int lanes = Math.max(1, Math.min(settings.lanes(), bySubject.size()));
    List<List<Delivery>> work = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      work.add(new ArrayList<>());
    }
    int next = 0;
    for (List<Delivery> subject : bySubject.values()) {
      work.get(next++ % lanes).addAll(subject);
    }
    List<Future<Report>> running = work.stream().map(this::handleInTurn).toList();
    return Future.all(running).map(all -> running.stream().map(Future::result)
        .reduce(new Report(taken.size(), 0, 0, 0, 0, 0), Report::plus));
  }

  private Future<Report> handleInTurn(List<Delivery> lane) {
    Future<Report> chain = Future.succeededFuture(new Report(0, 0, 0, 0, 0, 0));
    for (Delivery delivery : lane) {
      chain = chain.compose(report -> handle(delivery)
          .recover(err -> Future.succeededFuture(Outcome.LOST))
          .map(outcome -> report.plus(count(outcome))));
    }
    return chain;
  }

  private static Report count(Outcome outcome) {
    return switch (outcome) {
      case SUCCEEDED -> new Report(0, 1, 0, 0, 0, 0);
      case RETRIED -> new Report(0, 0, 1, 0, 0, 0);
      case FAILED -> new Report(0, 0, 0, 1, 0, 0);
      case WAITING -> new Report(0, 0, 0, 0, 1, 0);
      case LOST -> new Report(0, 0, 0, 0, 0, 1);
    };
  }

  private Future<Outcome> handle(Delivery delivery) {
    return outbox.hasEarlierPending(delivery).compose(blocked -> {
      if (blocked) {
        return finish(delivery.postponedTo(clock.instant().plus(settings.orderWait())), Outcome.WAITING);
      }
      return endpoints.find(delivery.providerId(), delivery.endpointId()).compose(endpoint -> {
        if (endpoint.isEmpty() || !endpoint.get().enabled()) {
          return finish(delivery.abandoned(), Outcome.FAILED);
        }
        return outbox.findEvent(delivery.providerId(), delivery.eventId())
            .compose(event -> event.isEmpty()
                ? finish(delivery.abandoned(), Outcome.FAILED)
                : send(delivery, endpoint.get(), event.get()));
      });
    });
  }

  private Future<Outcome> send(Delivery delivery, WebhookEndpoint endpoint, WebhookEvent event) {
    Instant now = clock.instant();
    String body = event.toJson().encode();
    return transport.post(endpoint.url(), Signature.headers(endpoint.secrets(), event.id(), now, body), body,
            settings.timeout())
        .compose(attempt -> attempt.succeeded()
            ? finish(delivery.succeeded(attempt), Outcome.SUCCEEDED)
                .compose(o -> (endpoint.failingSince() == null
                    ? Future.succeededFuture()
                    : endpoints.recordHealth(endpoint.providerId(), endpoint.id(), null)).map(o))
            : failed(delivery, endpoint, attempt));
  }

  private Future<Outcome> failed(Delivery delivery, WebhookEndpoint endpoint, Attempt attempt) {
    Instant now = clock.instant();
    Optional<Instant> next = settings.retries().next(delivery.attempts() + 1, delivery.firstDueAt(), now, random);
    Future<Outcome> recorded = next.isPresent()
        ? finish(delivery.retryAt(next.get(), attempt), Outcome.RETRIED)
        : finish(delivery.failed(attempt), Outcome.FAILED);
    return recorded.compose(o -> endpoints.recordHealth(endpoint.providerId(), endpoint.id(), now)
        .compose(stored -> stored.map(this::disableIfDue).orElse(Future.succeededFuture()))
        .map(o));
  }

  private Future<Void> disableIfDue(WebhookEndpoint endpoint) {
    if (!endpoint.enabled() || !settings.retries().shouldDisable(endpoint, clock.instant())) {
      return Future.succeededFuture();
    }
    WebhookEndpoint disabled = endpoint.disabledByHub("deliveries kept failing since " + endpoint.failingSince());
    return endpoints.disableIfEnabled(endpoint.providerId(), endpoint.id(), disabled.disabledReason())
        .compose(won -> won
            ? outbox.abandonPending(endpoint.id()).compose(n -> notice.send(disabled))
            : Future.succeededFuture());
  }

  private Future<Outcome> finish(Delivery next, Outcome outcome) {
    return outbox.complete(next, settings.nodeId()).map(kept -> kept ? outcome : Outcome.LOST);
  }
}
