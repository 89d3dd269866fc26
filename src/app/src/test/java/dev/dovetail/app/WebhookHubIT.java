package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real hub (DOVETAIL_WEBHOOK_ALLOW_PRIVATE on, so a loopback receiver is allowed) and a real receiver: an endpoint
 * registered over the API receives a booking made over HTTP, signed; the log, the feed and redelivery agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("A hub wires webhooks: endpoint over the API, booking over HTTP, signed event at a real receiver")
class WebhookHubIT {

  record Received(String id, String timestamp, String signature, String body) {}

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().allowPrivateWebhooks().build();

  Hub hub;
  Vertx clientVertx;
  WebClient client;
  HttpServer receiver;
  final List<Received> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() {
    hub = HUB.hub();
    clientVertx = HUB.clientVertx();
    client = HUB.client();
    receiver = clientVertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      if (!req.path().equals("/hooks")) {
        req.response().setStatusCode(200).end("thanks");
        return;
      }
      received.add(new Received(req.getHeader("webhook-id"), req.getHeader("webhook-timestamp"),
          req.getHeader("webhook-signature"), body.toString()));
      req.response().setStatusCode(200).end("thanks");
    })).listen(0, "127.0.0.1").await();
  }

  static boolean verifies(String secret, Received r) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String expected = "v1," + Base64.getEncoder().encodeToString(
        mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    return List.of(r.signature().split(" ")).contains(expected);
  }

  /** Polls (100 ms apart, up to 30 s) until the receiver holds {@code count} requests. */
  void awaitReceived(int count) {
    for (int i = 0; i < 300 && received.size() < count; i++) {
      clientVertx.timer(100).await();
    }
    assertThat(received).hasSizeGreaterThanOrEqualTo(count);
  }

  @Test
  @DisplayName("create, receive booking.created signed, read the log and the feed, redeliver with the same id")
  void endToEnd() throws Exception {
    int port = hub.httpPort();
    DemoSession session = DemoSession.login(client, port);
    String url = "http://127.0.0.1:" + receiver.actualPort() + "/hooks";

    HttpResponse<Buffer> noCsrf = client.post(port, "127.0.0.1", "/api/v1/webhook-endpoints")
        .putHeader("Cookie", session.cookie())
        .sendJsonObject(new JsonObject().put("url", url).put("events", new JsonArray().add("booking.created")))
        .await();
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> unknown = session.send("POST", "/api/v1/webhook-endpoints",
        new JsonObject().put("url", url).put("events", new JsonArray().add("booking.exploded")));
    assertThat(unknown.statusCode()).isEqualTo(400);

    HttpResponse<Buffer> created = session.send("POST", "/api/v1/webhook-endpoints", new JsonObject()
        .put("url", url).put("events", new JsonArray().add("booking.created").add("booking.cancelled"))
        .put("description", "integration test"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    JsonObject endpoint = created.bodyAsJsonObject();
    String secret = endpoint.getString("secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(session.send("GET", "/api/v1/webhook-endpoints/" + endpoint.getString("id"), null)
        .bodyAsJsonObject().containsKey("secret")).isFalse();

    List<String> starts = HUB.freeStarts("demo-30");
    HttpResponse<Buffer> booked = HubFixture.book(client, port, "demo-30", starts.get(0), "hook@example.com").await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String bookingId = booked.bodyAsJsonObject().getJsonObject("booking").getString("id");
    String manageToken = booked.bodyAsJsonObject().getString("manageToken");

    awaitReceived(1);
    Received first = received.get(0);
    assertThat(verifies(secret, first)).isTrue();
    JsonObject event = new JsonObject(first.body());
    assertThat(event.getString("type")).isEqualTo("booking.created");
    assertThat(event.getString("id")).isEqualTo(first.id());
    assertThat(event.getJsonObject("data").getString("id")).isEqualTo(bookingId);
    assertThat(first.body()).doesNotContain(manageToken);

    JsonObject feed = session.send("GET", "/api/v1/events?limit=10", null).bodyAsJsonObject();
    assertThat(feed.getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("id")).contains(first.id());

    JsonArray log = session.send("GET", "/api/v1/webhook-endpoints/" + endpoint.getString("id") + "/deliveries",
        null).bodyAsJsonObject().getJsonArray("items");
    JsonObject delivery = log.getJsonObject(0);
    assertThat(delivery.getString("state")).isEqualTo("SUCCEEDED");
    JsonObject attempt = delivery.getJsonArray("log").getJsonObject(0);
    assertThat(attempt.getInteger("status")).isEqualTo(200);
    assertThat(attempt.getString("responseStart")).isEqualTo("thanks");

    HttpResponse<Buffer> again = session.send("POST",
        "/api/v1/webhook-deliveries/" + delivery.getString("id") + "/redeliver", null);
    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(202);
    awaitReceived(2);
    assertThat(received.get(1).id()).isEqualTo(first.id());
    assertThat(verifies(secret, received.get(1))).isTrue();
  }

  @Test
  @DisplayName("provider B cannot list, read, change, rotate, test, redeliver or delete A's endpoints and deliveries")
  void tenantsAreIsolated() {
    int port = hub.httpPort();
    DemoSession a = DemoSession.login(client, port);
    HttpResponse<Buffer> signUp = client.post(port, "127.0.0.1", "/api/v1/providers").sendJsonObject(new JsonObject()
        .put("handle", "other-tenant").put("displayName", "Other").put("email", "other-tenant@example.com")
        .put("password", "other-tenant-password").put("timeZone", "Europe/Berlin")).await();
    assertThat(signUp.statusCode()).as(signUp.bodyAsString()).isEqualTo(201);
    DemoSession b = DemoSession.login(client, port, "other-tenant", "other-tenant-password");
    String url = "http://127.0.0.1:" + receiver.actualPort() + "/tenant-a";
    JsonObject endpoint = a.send("POST", "/api/v1/webhook-endpoints", new JsonObject().put("url", url)
        .put("events", new JsonArray().add("booking.created"))).bodyAsJsonObject();
    String id = endpoint.getString("id");
    HttpResponse<Buffer> test = a.send("POST", "/api/v1/webhook-endpoints/" + id + "/test", null);
    assertThat(test.statusCode()).as(test.bodyAsString()).isEqualTo(202);
    String deliveryId = test.bodyAsJsonObject().getString("id");
    for (int i = 0; i < 300 && !"SUCCEEDED".equals(delivery(a, id, deliveryId).getString("state")); i++) {
      clientVertx.timer(100).await();
    }
    assertThat(delivery(a, id, deliveryId).getString("state")).isEqualTo("SUCCEEDED");

    assertThat(b.send("GET", "/api/v1/webhook-endpoints", null).bodyAsJsonObject().getJsonArray("items")).isEmpty();
    String base = "/api/v1/webhook-endpoints/" + id;
    assertThat(b.send("GET", base, null).statusCode()).isEqualTo(404);
    assertThat(b.send("PATCH", base, new JsonObject().put("url", "http://127.0.0.1:1/stolen")).statusCode())
        .isEqualTo(404);
    assertThat(b.send("POST", base + "/rotate-secret", null).statusCode()).isEqualTo(404);
    assertThat(b.send("POST", base + "/test", null).statusCode()).isEqualTo(404);
    assertThat(b.send("GET", base + "/deliveries", null).statusCode()).isEqualTo(404);
    assertThat(b.send("POST", "/api/v1/webhook-deliveries/" + deliveryId + "/redeliver", null).statusCode())
        .isEqualTo(404);
    assertThat(b.send("DELETE", base, null).statusCode()).isEqualTo(404);
    assertThat(b.send("GET", "/api/v1/events?limit=100", null).bodyAsJsonObject().getJsonArray("items")).isEmpty();

    JsonObject still = a.send("GET", base, null).bodyAsJsonObject();
    assertThat(still.getString("url")).isEqualTo(url);
    assertThat(still.getBoolean("enabled")).isTrue();
    assertThat(delivery(a, id, deliveryId).getJsonArray("log")).hasSize(1);
  }

  JsonObject delivery(DemoSession session, String endpointId, String deliveryId) {
    return session.send("GET", "/api/v1/webhook-endpoints/" + endpointId + "/deliveries", null).bodyAsJsonObject()
        .getJsonArray("items").stream().map(JsonObject.class::cast).filter(d -> d.getString("id").equals(deliveryId))
        .findFirst().orElseThrow();
  }
}
