package dev.dovetail.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.webhook.HttpWebhookTransport;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.webhook.app.WebhookDispatcher;
import dev.dovetail.webhook.app.WebhookService;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.DeliveryState;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.FeedPage;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.domain.WebhookEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhooks: Mongo outbox, dispatcher and HTTP transport against a real receiver")
class WebhookDeliveryIT extends StoreIT {

  /** Any instant works: the dispatcher reads only this clock. */
  static final Instant T0 = Instant.parse("2031-03-30T23:59:00Z");

  record Received(String id, String timestamp, String signature, String body) {}

  final MutableClock clock = new MutableClock(T0);
  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failFirst = new AtomicInteger();
  /** The event type whose first {@link #failFirst} deliveries fail; null: any. */
  volatile String failOnly;
  HttpServer receiver;
  WebhookService service;
  WebhookDispatcher dispatcher;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    service = new WebhookService(store.webhookEndpoints(), store.webhookEvents(), clock, true, () -> {});
    dispatcher = new WebhookDispatcher(store.webhookEvents(), store.webhookEndpoints(),
        new HttpWebhookTransport(vertx, vertx.createHttpClient(), clock, true), endpoint -> Future.succeededFuture(),
        clock, WebhookDispatcher.Settings.defaults("node-a"), () -> 0.5);
    vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      boolean targeted = failOnly == null || body.toString().contains("\"type\":\"" + failOnly + "\"");
      if (targeted && failFirst.getAndDecrement() > 0) {
        req.response().setStatusCode(503).end("busy, try later");
        return;
      }
      received.add(new Received(req.getHeader("webhook-id"), req.getHeader("webhook-timestamp"),
          req.getHeader("webhook-signature"), body.toString()));
      req.response().setStatusCode(204).end();
    })).listen(0, "127.0.0.1").onComplete(ctx.succeeding(server -> {
      receiver = server;
      ctx.completeNow();
    }));
  }

  String url() {
    return "http://127.0.0.1:" + receiver.actualPort() + "/hooks";
  }

  /** Runs the dispatcher until nothing is due, moving the clock an hour past each retry. */
  Future<Void> drain(int rounds) {
    if (rounds == 0) {
      return Future.succeededFuture();
    }
    return dispatcher.runOnce().compose(report -> {
      if (report.claimed() == 0) {
        clock.advance(Duration.ofHours(1));
        return rounds > 1 ? dispatcher.runOnce().compose(r -> r.claimed() == 0 ? Future.succeededFuture()
            : drain(rounds - 1)) : Future.succeededFuture();
      }
      return drain(rounds - 1);
    });
  }

  static WebhookEvent event(EventType type, String booking, int sequence, Instant at) {
    return WebhookEvent.of("acme", type, booking, sequence, at,
        new JsonObject().put("id", booking).put("status", type.wireName()).put("manageToken", "never-sent"));
  }

  /** An independent Standard Webhooks verification: HMAC-SHA256 over "id.timestamp.body" with the decoded secret. */
  static boolean verifies(String secret, Received r) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String expected = "v1," + Base64.getEncoder().encodeToString(
        mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    return List.of(r.signature().split(" ")).contains(expected);
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("every event type arrives signed; 3 failures then success deliver it once, with the same id")
  void everyTypeSignedAndRetried(VertxTestContext ctx) {
    EnumSet<EventType> all = EnumSet.allOf(EventType.class);
    all.remove(EventType.WEBHOOK_TEST);
    failFirst.set(3);
    failOnly = "booking.created";
    List<WebhookEvent> events = new ArrayList<>();
    int i = 0;
    for (EventType type : all) {
      events.add(event(type, "b-" + i++, 0, T0));
    }
    service.create("acme", url(), all, "all events")
        .compose(endpoint -> service.publish(events).map(endpoint))
        .compose(endpoint -> drain(40).map(endpoint))
        .compose(endpoint -> service.deliveries("acme", endpoint.id(), Long.MAX_VALUE, 100)
            .map(log -> Map.entry(endpoint, log)))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          WebhookEndpoint endpoint = result.getKey();
          assertThat(received).hasSize(all.size());
          assertThat(received.stream().map(Received::id).distinct()).hasSize(all.size());
          for (Received r : received) {
            assertThat(verifies(endpoint.currentSecret().value(), r)).as(r.body()).isTrue();
            assertThat(r.body()).doesNotContain("never-sent");
          }
          assertThat(received.stream().map(r -> new JsonObject(r.body()).getString("type")))
              .containsExactlyInAnyOrderElementsOf(all.stream().map(EventType::wireName).toList());
          List<Delivery> log = result.getValue();
          assertThat(log).allMatch(d -> d.state() == DeliveryState.SUCCEEDED);
          assertThat(log).filteredOn(d -> d.attempts() > 1).hasSize(1);
          Delivery retried = log.stream().filter(d -> d.attempts() == 4).findFirst().orElseThrow();
          assertThat(received.stream().filter(r -> r.id().equals(retried.eventId()))).hasSize(1);
          assertThat(retried.log()).hasSize(4);
          assertThat(retried.log().get(0).status()).isEqualTo(503);
          assertThat(retried.log().get(0).responseStart()).isEqualTo("busy, try later");
          assertThat(retried.log().get(3).status()).isEqualTo(204);
          ctx.completeNow();
        })));
  }

  @Test
  @Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
  @DisplayName("under a burst with failures, each booking's events arrive in the order they happened")
  void perBookingOrder(VertxTestContext ctx) {
    List<WebhookEvent> burst = new ArrayList<>();
    for (int b = 0; b < 30; b++) {
      burst.add(event(EventType.BOOKING_CREATED, "b-" + b, 0, T0));
      burst.add(event(EventType.BOOKING_RESCHEDULED, "b-" + b, 1, T0));
      burst.add(event(EventType.BOOKING_CANCELLED, "b-" + b, 2, T0));
    }
    failFirst.set(7);
    service.create("acme", url(), EnumSet.of(EventType.BOOKING_CREATED, EventType.BOOKING_RESCHEDULED,
            EventType.BOOKING_CANCELLED), null)
        .compose(endpoint -> Future.all(List.of(service.publish(burst.subList(0, 45)),
            service.publish(burst.subList(45, 90)))))
        .compose(recorded -> drain(200))
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          assertThat(received).hasSize(90);
          for (int b = 0; b < 30; b++) {
            String booking = "b-" + b;
            assertThat(received.stream()
                .map(r -> new JsonObject(r.body()))
                .filter(j -> j.getJsonObject("data").getString("id").equals(booking))
                .map(j -> j.getString("type")))
                .containsExactly("booking.created", "booking.rescheduled", "booking.cancelled");
          }
          ctx.completeNow();
        })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("the feed lists events in order after a cursor, without test events")
  void feed(VertxTestContext ctx) {
    service.create("acme", url(), EnumSet.of(EventType.BOOKING_CREATED), null)
        .compose(endpoint -> service.sendTest("acme", endpoint.id()))
        .compose(test -> service.publish(List.of(event(EventType.BOOKING_CREATED, "b-1", 0, T0),
            event(EventType.BOOKING_CANCELLED, "b-1", 1, T0))))
        .compose(v -> service.feed("acme", 0, 2))
        .compose(first -> service.feed("acme", first.next(), 10).map(rest -> Map.entry(first, rest)))
        .compose(pages -> service.feed("other", 0, 10).map(other -> List.of(pages.getKey(), pages.getValue(), other)))
        .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
          // the test event took position 1: the first page of two positions holds one event
          assertThat(pages.get(0).events()).extracting(WebhookEvent::type)
              .containsExactly(EventType.BOOKING_CREATED);
          assertThat(pages.get(0).next()).isEqualTo(2);
          assertThat(pages.get(1).events()).extracting(WebhookEvent::type)
              .containsExactly(EventType.BOOKING_CANCELLED);
          assertThat(pages.get(2).events()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("the feed stops before a position still being written, and passes it once it is settled")
  void feedWaitsForAnEarlierPositionStoredLate(VertxTestContext ctx) {
    WebhookEvent first = event(EventType.BOOKING_CREATED, "b-1", 0, T0);
    WebhookEvent second = event(EventType.BOOKING_CREATED, "b-2", 0, T0);
    List<JsonObject> late = new ArrayList<>();
    // Two bookings recorded at once: the first took position 1 but its insert lands after the second's (position 2).
    service.publish(List.of(first, second))
        .compose(v -> store.client().findOne(MongoWebhookEventRepository.EVENTS, new JsonObject().put("position", 1),
            null))
        .compose(doc -> {
          late.add(doc);
          return store.client().removeDocument(MongoWebhookEventRepository.EVENTS, new JsonObject()
              .put("_id", doc.getString("_id")));
        })
        .compose(v -> service.feed("acme", 0, 10))
        .compose(whileWritten -> store.client().insert(MongoWebhookEventRepository.EVENTS, late.get(0))
            .compose(id -> service.feed("acme", whileWritten.next(), 10))
            .map(afterwards -> List.of(whileWritten, afterwards)))
        .compose(pages -> store.client().removeDocument(MongoWebhookEventRepository.EVENTS,
                new JsonObject().put("_id", late.get(0).getString("_id")))
            .compose(v -> {
              clock.advance(FeedPage.SETTLE.plusSeconds(1));
              return service.feed("acme", 0, 10);
            })
            .map(settled -> List.of(pages.get(0), pages.get(1), settled)))
        .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
          assertThat(pages.get(0).events()).isEmpty();
          assertThat(pages.get(0).next()).isZero();
          assertThat(pages.get(1).events()).extracting(WebhookEvent::subjectId).containsExactly("b-1", "b-2");
          // a position never filled holds the feed back only while the event after it is young
          assertThat(pages.get(2).events()).extracting(WebhookEvent::subjectId).containsExactly("b-2");
          assertThat(pages.get(2).next()).isEqualTo(2);
          ctx.completeNow();
        })));
  }

  WebhookDispatcher dispatcherOn(Vertx vertx, MongoStore on, String node) {
    return new WebhookDispatcher(on.webhookEvents(), on.webhookEndpoints(),
        new HttpWebhookTransport(vertx, vertx.createHttpClient(), clock, true), endpoint -> Future.succeededFuture(),
        clock, WebhookDispatcher.Settings.defaults(node), Math::random);
  }

  /** Runs two dispatchers side by side (two hub nodes on one database) for {@code rounds} rounds. */
  Future<Void> bothNodes(WebhookDispatcher a, WebhookDispatcher b, int rounds) {
    if (rounds == 0) {
      return Future.succeededFuture();
    }
    return Future.all(a.runOnce(), b.runOnce()).compose(both -> {
      WebhookDispatcher.Report ra = both.resultAt(0);
      WebhookDispatcher.Report rb = both.resultAt(1);
      if (ra.claimed() + rb.claimed() == 0) {
        clock.advance(Duration.ofHours(1));
      }
      return bothNodes(a, b, rounds - 1);
    });
  }

  @Test
  @Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
  @DisplayName("a hub restart in the middle of the retries loses nothing; two nodes deliver each event once")
  void restartAndTwoNodes(Vertx vertx, VertxTestContext ctx) {
    String database = MongoFixture.freshDatabase();
    List<WebhookEvent> events = new ArrayList<>();
    for (int b = 0; b < 40; b++) {
      events.add(event(EventType.BOOKING_CREATED, "b-" + b, 0, T0));
    }
    failFirst.set(40);
    MongoStore[] stores = new MongoStore[3];
    MongoFixture.connect(vertx, database)
        .compose(first -> {
          stores[0] = first;
          WebhookService before = new WebhookService(first.webhookEndpoints(), first.webhookEvents(), clock, true,
              () -> {});
          return before.create("acme", url(), EnumSet.of(EventType.BOOKING_CREATED), null)
              .compose(endpoint -> before.publish(events))
              .compose(v -> dispatcherOn(vertx, first, "node-old").runOnce());
        })
        .compose(firstRun -> {
          ctx.verify(() -> assertThat(firstRun.retried()).isEqualTo(40));
          return stores[0].close();
        })
        .compose(closed -> MongoFixture.connect(vertx, database))
        .compose(a -> {
          stores[1] = a;
          return MongoFixture.connect(vertx, database);
        })
        .compose(b -> {
          stores[2] = b;
          clock.advance(Duration.ofHours(1));
          return bothNodes(dispatcherOn(vertx, stores[1], "node-a"), dispatcherOn(vertx, stores[2], "node-b"), 20);
        })
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          assertThat(received.stream().map(Received::id).distinct())
              .containsExactlyInAnyOrderElementsOf(events.stream().map(WebhookEvent::id).toList());
          long duplicates = received.size() - received.stream().map(Received::id).distinct().count();
          assertThat(duplicates).as("duplicates without a crash between 2xx and the SUCCEEDED write").isZero();
          Future.all(stores[1].close(), stores[2].close()).onComplete(ctx.succeedingThenComplete());
        })));
  }
}
