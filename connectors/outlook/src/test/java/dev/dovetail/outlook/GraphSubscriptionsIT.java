package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.PushChannel;
import dev.dovetail.sync.port.out.RotatedTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Graph subscriptions and notifications: emulator POSTs to GraphNotificationHandler over HTTP")
class GraphSubscriptionsIT {

  static Vertx vertx;
  static GraphEmulator graph;
  static HttpServer receiver;
  static final LinkedBlockingQueue<GraphNotification> received = new LinkedBlockingQueue<>();
  static final AtomicBoolean sinkFails = new AtomicBoolean();
  GraphCalendarConnector connector;
  MicrosoftIdentity identity;
  Grant grant;
  String cal;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, GraphCalendarConnectorIT.AT).await();
    graph.allowHttpNotificationUrls(); // the receiver here is a plain loopback server
    Router router = Router.router(vertx);
    router.post("/hooks/outlook").handler(BodyHandler.create().setBodyLimit(64 * 1024))
        .handler(new GraphNotificationHandler(batch -> {
          if (sinkFails.get()) {
            return Future.failedFuture("store down");
          }
          received.addAll(batch);
          return Future.succeededFuture();
        }));
    router.post("/hooks/encoded").handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain")
        .end(java.net.URLEncoder.encode(ctx.request().getParam("validationToken"),
            java.nio.charset.StandardCharsets.UTF_8)));
    receiver = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void fresh() throws Exception {
    graph.reset();
    received.clear();
    sinkFails.set(false);
    identity = new MicrosoftIdentity(new MicrosoftIdentity.Settings(graph.loginBase(),
        GraphEmulator.TENANT, graph.clientId(), graph.clientSecret()));
    connector = new GraphCalendarConnector(vertx, identity, RotatedTokens.none(),
        GraphCalendarConnector.Settings.production().withGraphBase(graph.graphBase()), graph.clock());
    grant = new Grant("conn-1", GraphEmulator.USER_UPN, GraphCalendarConnectorIT.consent(identity));
    cal = graph.primaryCalendarId();
  }

  String hook() {
    return "http://127.0.0.1:" + receiver.actualPort() + "/hooks/outlook";
  }

  PushChannel watch() {
    return connector.watch(grant, cal, "ch-1", "s3cret/with+chars", hook(), graph.clock().instant().plus(Duration.ofDays(2)))
        .await();
  }

  static GraphNotification next() throws InterruptedException {
    GraphNotification n = received.poll(5, TimeUnit.SECONDS);
    assertThat(n).as("a notification within 5 s").isNotNull();
    return n;
  }

  static JsonObject event(String subject) {
    String day = GraphCalendarConnectorIT.soon(1, "").substring(0, 10);
    return GraphCalendarConnectorIT.event(subject, day + "T10:00:00", day + "T11:00:00", "UTC");
  }

  @Test
  @DisplayName("creating a subscription passes the real handshake for both URLs (decoded token, text/plain)")
  void handshake() {
    PushChannel channel = watch();

    assertThat(graph.validations()).isEqualTo(2);
    assertThat(graph.subscriptionIds()).containsExactly(channel.resourceId());
    assertThat(channel.secretHash()).isEqualTo(dev.dovetail.booking.domain.Secrets.sha256("s3cret/with+chars"));
  }

  @Test
  @DisplayName("a receiver that answers the token still encoded fails validation; no subscription is made")
  void encodedTokenFailsValidation() {
    String bad = "http://127.0.0.1:" + receiver.actualPort() + "/hooks/encoded";
    assertThatThrownBy(() -> connector.watch(grant, cal, "ch-2", "s", bad, graph.clock().instant().plus(Duration.ofDays(1)))
        .await()).isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("ValidationError");
    assertThat(graph.subscriptionIds()).isEmpty();
  }

  @Test
  @DisplayName("the expiry is capped at the configured lifetime (4,230 min), renewal moves it, an expired one is gone")
  void lifetimeAndRenewal() {
    graph.subscriptionLimits(4230, true);
    PushChannel channel = connector.watch(grant, cal, "ch-1", "s", hook(), graph.clock().instant().plus(Duration.ofDays(7)))
        .await();
    assertThat(channel.expiresAt()).isBefore(graph.clock().instant().plus(Duration.ofMinutes(4231)));

    PushChannel renewed = connector.renew(grant, channel, graph.clock().instant().plus(Duration.ofDays(7))).await();
    assertThat(renewed.expiresAt()).isAfterOrEqualTo(channel.expiresAt());

    graph.clock().advance(Duration.ofMinutes(4300));
    assertThat(graph.subscriptionIds()).isEmpty();
    graph.clock().reset();
    assertThatThrownBy(() -> connector.renew(grant, renewed, graph.clock().instant().plus(Duration.ofDays(1))).await())
        .isInstanceOf(ConnectorException.Rejected.class);
  }

  @Test
  @DisplayName("Graph refuses an http:// notification URL: no subscription is made and the connector says why")
  void httpNotificationUrlIsRefused() {
    graph.allowHttpNotificationUrls(false);
    try {
      assertThatThrownBy(() -> watch()).isInstanceOf(ConnectorException.Rejected.class)
          .hasMessageContaining("HTTPS");
      assertThat(graph.subscriptionIds()).isEmpty();
    } finally {
      graph.allowHttpNotificationUrls(true);
    }
  }

  @Test
  @DisplayName("Graph refuses a lifetime over 4,230 minutes; the production cap never asks for one")
  void overLongLifetimeIsRefusedAndNeverAsked() {
    GraphCalendarConnector tooLong = new GraphCalendarConnector(vertx, identity, RotatedTokens.none(),
        GraphCalendarConnector.Settings.production().withGraphBase(graph.graphBase())
            .withMaxSubscriptionLifetime(Duration.ofMinutes(10_080)), graph.clock());
    assertThatThrownBy(() -> tooLong.watch(grant, cal, "ch-3", "s", hook(), graph.clock().instant().plus(Duration.ofDays(7)))
        .await()).isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("4230 minutes");

    PushChannel capped = connector.watch(grant, cal, "ch-4", "s", hook(), graph.clock().instant().plus(Duration.ofDays(7)))
        .await();
    assertThat(capped.expiresAt()).isBefore(graph.clock().instant().plus(Duration.ofMinutes(4231)));
    assertThat(graph.subscriptionIds()).containsExactly(capped.resourceId());
  }

  @Test
  @DisplayName("A change in the calendar arrives as a notification carrying the subscription id and its clientState")
  void changeNotification() throws Exception {
    PushChannel channel = watch();
    graph.createEvent(cal, event("dentist"));

    GraphNotification n = next();
    assertThat(n.subscriptionId()).isEqualTo(channel.resourceId());
    assertThat(n.changeType()).isEqualTo("created");
    assertThat(n.hasSecret(channel.secretHash())).isTrue();
    assertThat(new GraphNotification(n.subscriptionId(), "forged", "created", null, null)
        .hasSecret(channel.secretHash())).isFalse();
  }

  @Test
  @DisplayName("a notification can arrive before the change is readable; a later delta round has it")
  void notificationBeforeVisible() throws Exception {
    watch();
    var first = connector.changes(grant, cal, null).await();
    Runnable becomeVisible = graph.createEventVisibleLater(cal, event("late"));

    next();
    var early = connector.changes(grant, cal, first.nextToken()).await();
    assertThat(early.changes()).isEmpty();
    becomeVisible.run();
    var later = early;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (later.changes().isEmpty() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
      later = connector.changes(grant, cal, later.nextToken()).await();
    }
    assertThat(later.changes()).hasSize(1);
  }

  @Test
  @DisplayName("duplicated and reordered batches all arrive; dropped ones are counted and never arrive")
  void deliveryKnobs() throws Exception {
    watch();
    graph.notifyPolicy(50, 0, 1.0, true);
    for (int i = 0; i < 4; i++) {
      graph.createEvent(cal, event("e" + i));
    }
    List<GraphNotification> got = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      got.add(next());
    }
    assertThat(got.stream().map(GraphNotification::changeType).distinct()).containsExactly("created");

    received.clear();
    graph.notifyPolicy(20, 1.0, 0, false);
    graph.createEvent(cal, event("lost"));
    assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    assertThat(graph.droppedNotifications()).isEqualTo(1);
  }

  @Test
  @DisplayName("Lifecycle: missed and reauthorizationRequired arrive; subscriptionRemoved also removes the subscription")
  void lifecycle() throws Exception {
    PushChannel channel = watch();
    graph.lifecycle(channel.resourceId(), "missed");
    assertThat(next().lifecycleEvent()).isEqualTo("missed");
    graph.lifecycle(channel.resourceId(), "reauthorizationRequired");
    assertThat(next().lifecycleEvent()).isEqualTo("reauthorizationRequired");
    connector.renew(grant, channel, graph.clock().instant().plus(Duration.ofDays(1))).await();
    graph.lifecycle(channel.resourceId(), "subscriptionRemoved");
    GraphNotification removed = next();
    assertThat(removed.lifecycleEvent()).isEqualTo("subscriptionRemoved");
    assertThat(removed.hasSecret(channel.secretHash())).isTrue();
    assertThat(graph.subscriptionIds()).isEmpty();
    connector.stop(grant, channel).await();
  }

  @Test
  @DisplayName("The receiver answers 503 when it cannot persist (Graph retries) and 400 to a body that is not a batch")
  void receiverAnswers() {
    WebClient web = WebClient.create(vertx);
    sinkFails.set(true);
    int failed = web.postAbs(hook()).sendJsonObject(new JsonObject().put("value", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("subscriptionId", "x").put("clientState", "y")))).await().statusCode();
    int malformed = web.postAbs(hook()).sendBuffer(io.vertx.core.buffer.Buffer.buffer("{\"value\": 3}")).await()
        .statusCode();
    var validation = web.postAbs(hook() + "?validationToken=a%2Bb%2Fc%3A%20d").sendBuffer(
        io.vertx.core.buffer.Buffer.buffer()).await();

    assertThat(failed).isEqualTo(503);
    assertThat(malformed).isEqualTo(400);
    assertThat(validation.statusCode()).isEqualTo(200);
    assertThat(validation.getHeader("Content-Type")).startsWith("text/plain");
    assertThat(validation.bodyAsString()).isEqualTo("a+b/c: d");
  }

  @Test
  @DisplayName("a batch the receiver could not persist (503) is sent again by the emulator, as Graph does")
  void unpersistedBatchIsRetried() throws Exception {
    PushChannel channel = watch();
    sinkFails.set(true);
    graph.createEvent(cal, event("retry me"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (graph.deliveries().stream().noneMatch(d -> d.getInteger("status") == 503)) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(20);
    }
    sinkFails.set(false);
    assertThat(next().subscriptionId()).isEqualTo(channel.resourceId());
    // The emulator records a delivery once it has read the answer, a moment after the receiver got the batch.
    while (graph.deliveries().stream().noneMatch(d -> d.getInteger("status") == 202)) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(20);
    }
    assertThat(graph.deliveries()).anySatisfy(d -> {
      assertThat(d.getInteger("status")).isEqualTo(202);
      assertThat(d.getInteger("attempt")).isGreaterThan(1);
    });
  }
}
