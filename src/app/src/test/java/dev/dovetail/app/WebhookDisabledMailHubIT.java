package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hub mailing through a real SMTP server (GreenMail), on a clock the test moves: an endpoint whose receiver answers
 * 500 to everything is retried, and once its deliveries have failed for three days the hub disables it and mails the
 * provider exactly once, however many events follow; the endpoint shows why it was disabled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("An endpoint failing for three days is disabled and its provider mailed once")
class WebhookDisabledMailHubIT {

  static final GreenMail SMTP = HubExtension.startedSmtp();
  static final MovableClock CLOCK = new MovableClock();

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().clock(CLOCK).mailingTo(SMTP.getSmtp().getPort())
      .allowPrivateWebhooks().build();

  final Vertx side = Vertx.vertx();
  final AtomicInteger attempts = new AtomicInteger();
  Hub hub;
  WebClient client;
  HttpServer receiver;
  String publicUrl;

  @BeforeAll
  void start() {
    publicUrl = HUB.baseUrl();
    hub = HUB.hub();
    client = HUB.client();
    receiver = side.createHttpServer().requestHandler(req -> {
      attempts.incrementAndGet();
      req.response().setStatusCode(500).end("receiver is down");
    }).listen(0, "127.0.0.1").await();
  }

  @AfterAll
  void stop() {
    side.close().await();
    SMTP.stop();
  }

  @Test
  @DisplayName("retried while young; after three days of failures: disabled, one mail with the dashboard link")
  void failingEndpointIsDisabledAndMailedOnce() throws Exception {
    int port = hub.httpPort();
    DemoSession demo = DemoSession.login(client, port);
    HttpResponse<Buffer> created = demo.send("POST", "/api/v1/webhook-endpoints", new JsonObject()
        .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/down")
        .put("events", new JsonArray().add("booking.created")).put("description", "crm"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String endpointId = created.bodyAsJsonObject().getString("id");
    List<String> starts = HUB.freeStarts("demo-30");
    assertThat(HubFixture.book(client, port, "demo-30", starts.get(0), "a@example.com").await().statusCode())
        .isEqualTo(201);
    waitUntil(() -> attempts.get() >= 1, "the first attempt");
    CLOCK.advance(Duration.ofMinutes(1));
    waitUntil(() -> attempts.get() >= 2, "a retry");
    assertThat(endpoint(demo, endpointId).getBoolean("enabled")).isTrue();

    CLOCK.advance(Duration.ofDays(3));
    waitUntil(() -> !endpoint(demo, endpointId).getBoolean("enabled"), "the hub disables the endpoint");
    JsonObject disabled = endpoint(demo, endpointId);
    assertThat(disabled.getString("disabledReason")).contains("kept failing");
    waitUntil(() -> mails().length == 1, "the provider is mailed");

    int before = attempts.get();
    assertThat(HubFixture.book(client, port, "demo-30", starts.get(starts.size() - 1), "b@example.com").await().statusCode())
        .isEqualTo(201);
    CLOCK.advance(Duration.ofDays(4));
    // Several dispatcher and mail-outbox periods (2 s and 5 s): nothing more is sent, nobody is mailed again.
    side.timer(12_000).await();
    assertThat(attempts.get()).isEqualTo(before);
    MimeMessage[] mails = mails();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(DemoData.EMAIL);
    assertThat(mails[0].getSubject()).contains("webhook endpoint was disabled")
        .contains("http://127.0.0.1:" + receiver.actualPort() + "/down");
    assertThat(GreenMailUtil.getBody(mails[0])).contains(publicUrl + "/dashboard#webhooks").contains("crm");
    assertThat(demo.send("GET", "/api/v1/notifications?limit=200", null).bodyAsJsonObject().getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(n -> n.getString("kind").equals("PROVIDER_WEBHOOK_DISABLED")))
        .singleElement().satisfies(n -> assertThat(n.getString("state")).isEqualTo("SENT"));
  }

  JsonObject endpoint(DemoSession demo, String id) {
    HttpResponse<Buffer> got = demo.send("GET", "/api/v1/webhook-endpoints/" + id, null);
    assertThat(got.statusCode()).as(got.bodyAsString()).isEqualTo(200);
    return got.bodyAsJsonObject();
  }

  MimeMessage[] mails() {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains("webhook");
      } catch (MessagingException e) {
        throw new AssertionError(e);
      }
    }).toArray(MimeMessage[]::new);
  }

  void waitUntil(BooleanSupplier condition, String what) {
    HubFixture.waitUntil(side, condition, what);
  }
}
