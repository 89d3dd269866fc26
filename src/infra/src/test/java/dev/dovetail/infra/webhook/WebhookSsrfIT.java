package dev.dovetail.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.webhook.domain.Attempt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("HttpWebhookTransport refuses to post to the hub's own host and network")
class WebhookSsrfIT {

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** Only stamps the attempts, which these tests do not read: a fixed instant, no wall clock. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);

  HttpWebhookTransport guarded(Vertx vertx) {
    return new HttpWebhookTransport(vertx, vertx.createHttpClient(), CLOCK, false);
  }

  Future<Attempt> post(HttpWebhookTransport transport, String url) {
    return transport.post(url, Map.of("webhook-id", "evt_1"), "{}", TIMEOUT);
  }

  /** A receiver on loopback that counts what reaches it. */
  Future<HttpServer> counting(Vertx vertx, AtomicInteger hits) {
    return vertx.createHttpServer().requestHandler(req -> {
      hits.incrementAndGet();
      req.response().end("reached");
    }).listen(0, "127.0.0.1");
  }

  void assertRefused(Attempt attempt, String reason) {
    assertThat(attempt.succeeded()).isFalse();
    assertThat(attempt.status()).isZero();
    assertThat(attempt.error()).startsWith("refused").contains(reason);
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("127.0.0.1, [::1] and localhost (a name resolving to loopback) are refused, and nothing is sent")
  void loopback(Vertx vertx, VertxTestContext ctx) {
    AtomicInteger hits = new AtomicInteger();
    HttpWebhookTransport transport = guarded(vertx);
    counting(vertx, hits).compose(server -> {
      int port = server.actualPort();
      return Future.all(List.of(post(transport, "https://127.0.0.1:" + port + "/h"),
          post(transport, "https://[::1]:" + port + "/h"), post(transport, "https://localhost:" + port + "/h")));
    }).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      for (int i = 0; i < 3; i++) {
        assertRefused(all.resultAt(i), "loopback");
      }
      assertThat(all.<Attempt>resultAt(2).error()).contains("localhost resolves to");
      assertThat(hits).hasValue(0);
      ctx.completeNow();
    })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("10.0.0.1 (private) and 169.254.169.254 (metadata) are refused before any connection")
  void privateAndMetadata(Vertx vertx, VertxTestContext ctx) {
    HttpWebhookTransport transport = guarded(vertx);
    Future.all(List.of(post(transport, "https://10.0.0.1/h"), post(transport, "https://169.254.169.254/latest")))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertRefused(all.resultAt(0), "private");
          assertRefused(all.resultAt(1), "metadata");
          ctx.completeNow();
        })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("plain http is refused unless private delivery is allowed")
  void plainHttp(Vertx vertx, VertxTestContext ctx) {
    post(guarded(vertx), "http://example.com/h").onComplete(ctx.succeeding(attempt -> ctx.verify(() -> {
      assertRefused(attempt, "https");
      ctx.completeNow();
    })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("a redirect to loopback is not followed: the attempt fails and the target is never reached")
  void redirect(Vertx vertx, VertxTestContext ctx) {
    AtomicInteger targetHits = new AtomicInteger();
    // The first hop must be reachable from the test, so this transport allows loopback: the redirect is refused
    // because redirects are never followed, whatever their target.
    HttpWebhookTransport transport = new HttpWebhookTransport(vertx, vertx.createHttpClient(), CLOCK, true);
    counting(vertx, targetHits).compose(target -> vertx.createHttpServer()
            .requestHandler(req -> req.response().setStatusCode(307)
                .putHeader("location", "http://127.0.0.1:" + target.actualPort() + "/metadata").end())
            .listen(0, "127.0.0.1"))
        .compose(first -> post(transport, "http://127.0.0.1:" + first.actualPort() + "/h"))
        .onComplete(ctx.succeeding(attempt -> ctx.verify(() -> {
          assertThat(attempt.succeeded()).isFalse();
          assertThat(attempt.status()).isEqualTo(307);
          assertThat(attempt.error()).startsWith("redirect not followed").contains("/metadata");
          assertThat(targetHits).hasValue(0);
          ctx.completeNow();
        })));
  }
}
