package dev.dovetail.infra.webhook;

import dev.dovetail.webhook.domain.Attempt;
import dev.dovetail.webhook.port.out.WebhookTransport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Posts webhooks with the Vert.x HTTP client. SSRF safety: the host is resolved here and every address it resolves
 * to must pass {@link AddressPolicy}; the request then connects to the address that was checked (the URL's host still
 * goes in the Host header and TLS SNI), so a DNS answer that changes between check and connect cannot slip through.
 * Redirects are never followed: a 3xx is a failed attempt. Plain http and private addresses are allowed only with
 * {@code allowPrivate} (DOVETAIL_WEBHOOK_ALLOW_PRIVATE=true, for development and tests). The whole attempt, response
 * body included, ends at the timeout; only the body's first bytes are kept.
 */
public class HttpWebhookTransport implements WebhookTransport {

  private final Vertx vertx;
  private final HttpClient client;
  private final Clock clock;
  private final boolean allowPrivate;

  public HttpWebhookTransport(Vertx vertx, HttpClient client, Clock clock, boolean allowPrivate) {
    this.vertx = vertx;
    this.client = client;
    this.clock = clock;
    this.allowPrivate = allowPrivate;
  }

  @Override
  public Future<Attempt> post(String url, Map<String, String> headers, String body, Duration timeout) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Future.succeededFuture(refused(started, "invalid URL"));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
      return Future.succeededFuture(refused(started, "refused: only https URLs"));
    }
    String host = uri.getHost();
    if (host == null) {
      return Future.succeededFuture(refused(started, "refused: no host"));
    }
    String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return vertx.executeBlocking(() -> InetAddress.getAllByName(bareHost), false)
        .compose(addresses -> {
          if (!allowPrivate) {
            for (InetAddress address : addresses) {
              Optional<String> why = AddressPolicy.refusal(address);
              if (why.isPresent()) {
                return Future.succeededFuture(
                    refused(started, "refused: " + host + " resolves to a " + why.get() + " (" + address
                        .getHostAddress() + ")"));
              }
            }
          }
          return send(uri, scheme, bareHost, port, addresses[0], headers, body, timeout, started, startNanos);
        }, err -> Future.succeededFuture(refused(started,
            err instanceof UnknownHostException ? "unknown host " + host : "DNS failure: " + err.getMessage())));
  }

  private Future<Attempt> send(URI uri, String scheme, String host, int port, InetAddress address,
      Map<String, String> headers, String body, Duration timeout, Instant started, long startNanos) {
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
        .setHost(host)
        .setPort(port)
        .setSsl(scheme.equals("https"))
        .setURI(path)
        .setFollowRedirects(false)
        .setConnectTimeout(timeout.toMillis())
        .putHeader("content-type", "application/json")
        .putHeader("user-agent", "Dovetail-Webhooks/1");
    headers.forEach(options::putHeader);
    Promise<Attempt> done = Promise.promise();
    long timer = vertx.setTimer(timeout.toMillis(), t -> done.tryComplete(failed(started, startNanos,
        "timed out after " + timeout.toSeconds() + " s")));
    client.request(options)
        .compose(request -> {
          done.future().onComplete(finished -> {
            if (!finished.succeeded() || finished.result().error() != null) {
              request.reset();
            }
          });
          return request.send(Buffer.buffer(body));
        })
        .onSuccess(response -> readStart(response, done, started, startNanos))
        .onFailure(err -> done.tryComplete(failed(started, startNanos, "connection failed: " + err.getMessage())));
    return done.future().andThen(finished -> vertx.cancelTimer(timer));
  }

  private void readStart(HttpClientResponse response, Promise<Attempt> done, Instant started, long startNanos) {
    Buffer start = Buffer.buffer();
    response.handler(chunk -> {
      int room = Attempt.MAX_RESPONSE_START - start.length();
      if (room > 0) {
        start.appendBuffer(chunk.length() > room ? chunk.getBuffer(0, room) : chunk);
      }
    });
    response.exceptionHandler(err -> done.tryComplete(failed(started, startNanos, "response failed")));
    response.endHandler(end -> {
      int status = response.statusCode();
      String error = status >= 300 && status < 400
          ? "redirect not followed" + Optional.ofNullable(response.getHeader("location")).map(l -> " (to " + l + ")")
              .orElse("")
          : null;
      done.tryComplete(new Attempt(started, status, elapsed(startNanos), start.toString(), error));
    });
  }

  private static long elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  private static Attempt refused(Instant at, String why) {
    return new Attempt(at, 0, 0, null, why);
  }

  private static Attempt failed(Instant at, long startNanos, String why) {
    return new Attempt(at, 0, elapsed(startNanos), null, why);
  }
}
