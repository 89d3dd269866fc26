package dev.dovetail.web.account;

import dev.dovetail.account.domain.Principal;
import dev.dovetail.account.port.in.Authenticate;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.CallerAuthHandler;
import dev.dovetail.web.http.CsrfHandler;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import dev.dovetail.web.http.SessionSeal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.SessionHandler;

/**
 * Dashboard sessions: {@code POST /api/v1/auth/login} (a fresh session id on every login, against fixation, and a
 * fresh CSRF token), {@code POST /api/v1/auth/logout}, {@code GET /api/v1/auth/csrf}.
 */
public final class LoginHandler {

  private final Authenticate authenticate;
  private final SessionHandler sessions;
  private final SessionSeal seal;

  public LoginHandler(Authenticate authenticate, SessionHandler sessions, SessionSeal seal) {
    this.authenticate = authenticate;
    this.sessions = sessions;
    this.seal = seal;
  }

  public void login(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    authenticate.withPassword(body.getString("login"), body.getString("password"))
        .onFailure(ctx::fail)
        .onSuccess(principal -> {
          Session session = ctx.session() != null ? ctx.session() : sessions.newSession(ctx);
          session.regenerateId();
          session.data().clear();
          String csrf = Ids.randomToken(32);
          session.put(CallerAuthHandler.SESSION_PROVIDER, principal.providerId());
          session.put(SessionSeal.SESSION_KEY, seal.seal(session.id(), principal.providerId()));
          session.put(CsrfHandler.SESSION_KEY, csrf);
          ctx.response().putHeader(CsrfHandler.HEADER, csrf);
          Responses.json(ctx, 200, new JsonObject().put("providerId", principal.providerId()).put("csrfToken", csrf));
        });
  }

  public void logout(RoutingContext ctx) {
    Session session = ctx.session();
    if (session != null) {
      session.destroy();
    }
    Responses.noContent(ctx);
  }

  public void csrf(RoutingContext ctx) {
    Principal principal = Caller.principal(ctx);
    String token = principal != null && principal.via() == Principal.Via.SESSION && ctx.session() != null
        ? ctx.session().get(CsrfHandler.SESSION_KEY)
        : null;
    if (token != null) {
      ctx.response().putHeader(CsrfHandler.HEADER, token);
    }
    Responses.json(ctx, 200, new JsonObject().put("csrfToken", token).put("headerName", CsrfHandler.HEADER));
  }
}
