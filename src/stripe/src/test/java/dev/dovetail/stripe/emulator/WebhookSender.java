package dev.dovetail.stripe.emulator;

import com.stripe.net.Webhook;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Delivers events to the configured endpoint, signed like Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>} over
 * {@code t + "." + rawBody}, one {@code v1} per secret (rotation). Knobs ({@link Policy}): delay, duplicate
 * deliveries of the same {@code evt_} id, holding events back to release them in reverse order, skewing {@code t},
 * corrupting the signature. A non-2xx answer is retried (at most {@link #ATTEMPTS} times).
 */
final class WebhookSender {

  static final int ATTEMPTS = 3;

  /** How events are delivered; the defaults deliver each once, at once, correctly signed. */
  record Policy(long delayMs, boolean duplicate, boolean holdForReorder, long skewSeconds, boolean corrupt) {
    static Policy normal() {
      return new Policy(0, false, false, 0, false);
    }
  }

  /** One delivery attempt and the endpoint's answer. */
  record Delivery(String eventId, String type, int status) {}

  private final Vertx vertx;
  private final HttpClient http;
  private final Supplier<Long> nowSeconds;
  private final List<JsonObject> held = new ArrayList<>();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile String url;
  private volatile List<String> secrets = List.of();
  private volatile Policy policy = Policy.normal();

  WebhookSender(Vertx vertx, Supplier<Long> nowSeconds) {
    this.vertx = vertx;
    this.http = vertx.createHttpClient();
    this.nowSeconds = nowSeconds;
  }

  void configure(String endpoint, List<String> signingSecrets) {
    this.url = endpoint;
    this.secrets = List.copyOf(signingSecrets);
  }

  void policy(Policy next) {
    this.policy = next;
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  void reset() {
    held.clear();
    deliveries.clear();
    policy = Policy.normal();
    url = null;
  }

  /** Sends (or holds back) one event. */
  void send(JsonObject event) {
    if (url == null) {
      return;
    }
    if (policy.holdForReorder()) {
      held.add(event);
      return;
    }
    dispatch(event);
  }

  /** Releases held events, newest first. */
  Future<Void> releaseReversed() {
    List<JsonObject> out = new ArrayList<>(held);
    held.clear();
    Collections.reverse(out);
    Future<Void> chain = Future.succeededFuture();
    for (JsonObject e : out) {
      chain = chain.compose(v -> deliver(e, 1));
    }
    return chain;
  }

  private void dispatch(JsonObject event) {
    Runnable go = () -> {
      deliver(event, 1);
      if (policy.duplicate()) {
        deliver(event, 1);
      }
    };
    if (policy.delayMs() > 0) {
      vertx.setTimer(policy.delayMs(), id -> go.run());
    } else {
      go.run();
    }
  }

  private Future<Void> deliver(JsonObject event, int attempt) {
    // Pretty-printed on purpose: the signature covers the exact bytes, whitespace and non-ASCII text included.
    String body = event.encodePrettily();
    String header = signature(body, nowSeconds.get() + policy.skewSeconds());
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
        .putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Stripe-Signature", header)
        .putHeader("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    return http.request(options)
        .compose(req -> req.send(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .otherwise(0)
        .compose(status -> {
          deliveries.add(new Delivery(event.getString("id"), event.getString("type"), status));
          if ((status < 200 || status > 299) && attempt < ATTEMPTS) {
            return vertx.timer(50L * attempt).compose(x -> deliver(event, attempt + 1));
          }
          return Future.succeededFuture();
        });
  }

  private String signature(String body, long t) {
    StringBuilder header = new StringBuilder("t=").append(t);
    try {
      for (String secret : secrets) {
        String signed = Webhook.Signature.generateSignatureHeader(body, secret, t);
        String v1 = signed.substring(signed.indexOf(",v1=") + 4);
        header.append(",v1=").append(policy.corrupt() ? new StringBuilder(v1).reverse() : v1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return header.toString();
  }
}
