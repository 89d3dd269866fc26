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

  /**
   * A route may widen the policy of its page (a {@code String} of extra directives, e.g. {@code "script-src 'self'
   * https://js.stripe.com; frame-src https://js.stripe.com"}) by putting it into the context under this key.
   */
  public static final String EXTRA_POLICY = "dovetail.csp.extra";
  static final String POLICY = "default-src 'self'; frame-ancestors 'none'";

  private final boolean https;

  public SecurityHeadersHandler(boolean https) {
    this.https = https;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      apply(ctx.response(), https);
      String extra = ctx.get(EXTRA_POLICY);
      if (extra != null) {
        ctx.response().putHeader("Content-Security-Policy", POLICY + "; " + extra);
      }
    });
    ctx.next();
  }

  /** Puts the headers on a response; for answers given before this handler ran (a spent rate limit, say). */
  public static void apply(HttpServerResponse response, boolean https) {
    response.putHeader("Content-Security-Policy", POLICY);
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
