package dev.dovetail.bench.webhook;

import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.infra.webhook.HttpWebhookTransport;
import dev.dovetail.webhook.app.WebhookDispatcher;
import dev.dovetail.webhook.app.WebhookService;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.DeliveryState;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.domain.WebhookEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery rate of the webhook outbox: N events (default 10,000) over S subjects (bookings; default N, one event each)
 * recorded for one endpoint on the embedded in-memory store, then one or more dispatchers ("nodes", each with its own
 * lease owner) run until every delivery SUCCEEDED. Each delivery goes the full way: claim by conditional write, the
 * per-subject order check, endpoint and event reads, Standard Webhooks signing, an HTTP POST over loopback to a local
 * Vert.x receiver answering 204 (private addresses allowed, as in development), and the conditional SUCCEEDED write.
 * Reports deliveries per second from the first claim to the last SUCCEEDED write, and checks that the receiver got
 * every event id exactly once. Setup (recording the events) is timed separately.
 *
 * <p>Usage: {@code WebhookDeliveryBenchmark [events] [subjects] [nodes]}
 */
public final class WebhookDeliveryBenchmark {

  private static final int RECORD_BATCH = 500;

  private WebhookDeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int subjects = args.length > 1 ? Integer.parseInt(args[1]) : count;
    int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    EmbeddedMongo embedded = EmbeddedMongo.inMemory();
    Vertx vertx = Vertx.vertx();
    try {
      MongoStore store = MongoStore.connect(vertx, embedded.connectionString(), "bench", MongoStore.NO_COMMIT).await();
      Clock clock = Clock.tickMillis(ZoneOffset.UTC);
      Set<String> seen = ConcurrentHashMap.newKeySet();
      AtomicLong requests = new AtomicLong();
      HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
        requests.incrementAndGet();
        seen.add(req.getHeader("webhook-id"));
        req.response().setStatusCode(204).end();
      })).listen(0, "127.0.0.1").await();

      WebhookService service = new WebhookService(store.webhookEndpoints(), store.webhookEvents(), clock, true,
          () -> { });
      WebhookEndpoint endpoint = service.create("acme", "http://127.0.0.1:" + receiver.actualPort() + "/events",
          EnumSet.of(EventType.BOOKING_CREATED), "benchmark").await();
      long setup = System.nanoTime();
      int[] sequence = new int[subjects];
      List<WebhookEvent> batch = new ArrayList<>();
      Instant now = clock.instant();
      for (int i = 0; i < count; i++) {
        int subject = i % subjects;
        String booking = "booking-" + subject;
        batch.add(WebhookEvent.of("acme", EventType.BOOKING_CREATED, booking, sequence[subject]++, now,
            new JsonObject().put("id", booking).put("status", "CONFIRMED").put("n", i)));
        if (batch.size() == RECORD_BATCH) {
          service.publish(batch).await();
          batch = new ArrayList<>();
        }
      }
      service.publish(batch).await();
      System.out.printf("setup: %d events over %d subjects recorded in %.1f s%n", count, subjects,
          (System.nanoTime() - setup) / 1e9);

      List<WebhookDispatcher> dispatchers = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        dispatchers.add(new WebhookDispatcher(store.webhookEvents(), store.webhookEndpoints(),
            new HttpWebhookTransport(vertx, vertx.createHttpClient(), clock, true), e -> Future.succeededFuture(),
            clock, WebhookDispatcher.Settings.defaults("node-" + n), Math::random));
      }
      long begin = System.nanoTime();
      int succeeded = 0;
      int rounds = 0;
      int waiting = 0;
      while (succeeded < count && rounds < 100_000) {
        List<Future<WebhookDispatcher.Report>> runs = new ArrayList<>();
        dispatchers.forEach(d -> runs.add(d.runOnce()));
        Future.all(runs).await();
        for (Future<WebhookDispatcher.Report> run : runs) {
          succeeded += run.result().succeeded();
          waiting += run.result().waiting();
        }
        rounds++;
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      System.out.printf("delivered %d events in %.2f s: %.0f deliveries/s (%d node(s), %d runs, %d waits behind an "
          + "earlier event of the same subject)%n", succeeded, seconds, succeeded / seconds, nodes, rounds, waiting);
      long notOnce = 0;
      long before = Long.MAX_VALUE;
      List<Delivery> page;
      do {
        page = store.webhookEvents().deliveriesOf("acme", endpoint.id(), before, 100).await();
        notOnce += page.stream().filter(d -> d.state() != DeliveryState.SUCCEEDED || d.attempts() != 1).count();
        before = page.isEmpty() ? before : page.get(page.size() - 1).position();
      } while (page.size() == 100);
      System.out.printf("check: receiver got %d requests for %d distinct ids (expected %d and %d); %d deliveries not "
          + "SUCCEEDED in one attempt (expected 0)%n", requests.get(), seen.size(), count, count, notOnce);
      store.close().await();
    } finally {
      vertx.close().await();
      embedded.close();
    }
  }
}
