package dev.dovetail.web.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

/**
 * Security headers on every response, including errors and 404s (set when the headers are written): a strict CSP,
 * no MIME sniffing, no referrer, no framing, HSTS when served over HTTPS, and no caching of API answers (they carry
 * manage tokens, secrets and personal data).
 */
public final class SecurityHeadersHandler implements SecurityPolicyHandler {

  private final boolean https;

  public SecurityHeadersHandler(boolean https) {
    this.https = https;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> apply(ctx.response(), https));
    ctx.next();
  }

  /** Puts the headers on a response; for answers given before this handler ran (a spent rate limit, say). */
  public static void apply(HttpServerResponse response, boolean https) {
    response.putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    response.putHeader("X-Content-Type-Options", "nosniff");
    response.putHeader("Referrer-Policy", "no-referrer");
    response.putHeader("X-Frame-Options", "DENY");
    if (https) {
      response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
      response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }
}
