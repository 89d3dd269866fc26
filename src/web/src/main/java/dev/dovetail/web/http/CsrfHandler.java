package dev.dovetail.web.http;

import dev.dovetail.account.domain.Principal;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.InputTrustHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Synchronizer-token CSRF protection for session-authenticated state-changing calls: the session holds a random
 * token (issued at login, readable through {@code GET /api/v1/auth/csrf}) that must come back in the {@code
 * X-CSRF-Token} header. API-token calls carry no ambient credential and are exempt; anonymous public calls have no
 * session to abuse. Comparison is constant-time.
 */
public final class CsrfHandler implements InputTrustHandler {

  public static final String HEADER = "X-CSRF-Token";
  public static final String SESSION_KEY = "csrfToken";

  @Override
  public void handle(RoutingContext ctx) {
    Principal principal = Caller.principal(ctx);
    HttpMethod method = ctx.request().method();
    if (principal == null || principal.via() != Principal.Via.SESSION || isSafe(method)) {
      ctx.next();
      return;
    }
    String expected = ctx.session() == null ? null : ctx.session().get(SESSION_KEY);
    String presented = ctx.request().getHeader(HEADER);
    if (expected == null || presented == null || !MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
      ctx.fail(ApiProblem.forbidden("csrf-token-invalid", "session calls that change state need the header "
          + HEADER + " with the token from the login answer or GET /api/v1/auth/csrf"));
      return;
    }
    ctx.next();
  }

  private static boolean isSafe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }
}
