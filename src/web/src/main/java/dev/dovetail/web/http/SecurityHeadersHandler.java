package dev.dovetail.web.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.List;

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
  /**
   * A public booking page of a provider that lists embed origins puts them (a {@code List<String>} of exact origins,
   * validated by {@code EmbedOrigins}) into the context under this key: a successful (2xx) answer then says {@code
   * frame-ancestors} with exactly those origins and no {@code X-Frame-Options} (it cannot name origins, and browsers
   * obey {@code frame-ancestors} over it); an error answer keeps {@code 'none'} (ADR 45).
   */
  public static final String FRAME_ANCESTORS = "dovetail.frame.ancestors";
  static final String POLICY = "default-src 'self'; frame-ancestors 'none'";
  static final String FRAMED_POLICY = "default-src 'self'; frame-ancestors ";

  private final boolean https;

  public SecurityHeadersHandler(boolean https) {
    this.https = https;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      apply(ctx.response(), https);
      List<String> ancestors = ctx.get(FRAME_ANCESTORS);
      int status = ctx.response().getStatusCode();
      boolean framed = ancestors != null && !ancestors.isEmpty() && status >= 200 && status < 300;
      String policy = framed ? FRAMED_POLICY + String.join(" ", ancestors) : POLICY;
      if (framed) {
        ctx.response().headers().remove("X-Frame-Options");
      }
      String extra = ctx.get(EXTRA_POLICY);
      ctx.response().putHeader("Content-Security-Policy", extra == null ? policy : policy + "; " + extra);
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
