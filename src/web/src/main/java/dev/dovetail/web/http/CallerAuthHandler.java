package dev.dovetail.web.http;

import dev.dovetail.account.domain.Principal;
import dev.dovetail.account.port.in.Authenticate;
import dev.dovetail.account.port.in.AuthenticationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.AuthenticationHandler;

/**
 * Authenticates every request to a protected operation before its input is even validated: an {@code Authorization:
 * Bearer dtk_...} API token, or else the dashboard session cookie (believed only with its {@link SessionSeal}). Open operations (the contract's {@code security:
 * []}) skip it; requests that match no operation are protected (default deny). Every failure is the same 401.
 */
public final class CallerAuthHandler implements AuthenticationHandler {

  public static final String SESSION_COOKIE = "dovetail.session";
  public static final String SESSION_PROVIDER = "providerId";
  private static final String BEARER = "Bearer ";

  private final Operations operations;
  private final Authenticate authenticate;
  private final SessionSeal seal;

  public CallerAuthHandler(Operations operations, Authenticate authenticate, SessionSeal seal) {
    this.operations = operations;
    this.authenticate = authenticate;
    this.seal = seal;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (operations.lookup(ctx).open()) {
      ctx.next();
      return;
    }
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        ctx.fail(new AuthenticationException());
        return;
      }
      authenticate.withApiToken(authorization.substring(BEARER.length()).strip())
          .onSuccess(principal -> {
            Caller.set(ctx, principal);
            ctx.next();
          })
          .onFailure(err -> ctx.fail(err instanceof AuthenticationException ? err : new AuthenticationException()));
      return;
    }
    // Without a session cookie there is no session to look at; asking for one would create it.
    Session session = ctx.request().getCookie(SESSION_COOKIE) == null ? null : ctx.session();
    String providerId = session == null ? null : session.get(SESSION_PROVIDER);
    if (providerId == null || !seal.verify(session.id(), providerId, session.get(SessionSeal.SESSION_KEY))) {
      ctx.fail(new AuthenticationException());
      return;
    }
    Caller.set(ctx, new Principal(providerId, Principal.Via.SESSION));
    ctx.next();
  }
}
