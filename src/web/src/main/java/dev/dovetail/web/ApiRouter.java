package dev.dovetail.web;

import dev.dovetail.kernel.RouteOrder;
import dev.dovetail.web.http.BodyLimits;
import dev.dovetail.web.http.CallerAuthHandler;
import dev.dovetail.web.http.ClientAddressHandler;
import dev.dovetail.web.http.ContractLoader;
import dev.dovetail.web.http.CsrfHandler;
import dev.dovetail.web.http.ErrorMapper;
import dev.dovetail.web.http.Operations;
import dev.dovetail.web.http.RateLimitHandler;
import dev.dovetail.web.http.SecurityHeadersHandler;
import dev.dovetail.web.pages.PagesRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Clock;
import java.util.List;

/**
 * Builds the API router from the OpenAPI contract. Every request runs the same root chain, in Vert.x's handler order:
 * rate limit (open operations), session, security headers, bounded body, authentication (protected operations),
 * CSRF (session calls that change state); then the operation's own route: contract validation, then its handler.
 * {@link ApiOperations} gives every operation of the contract its handler, or building fails. One {@link ErrorMapper}
 * renders every failure.
 */
public final class ApiRouter {

  public static final String CONTRACT = "openapi.yaml";
  static final long SESSION_TIMEOUT_MS = 2 * 60 * 60 * 1000L;
  private static final List<Integer> ERROR_STATUSES = List.of(400, 401, 403, 404, 405, 406, 413, 414, 415, 429, 431,
      500, 501, 503);

  private ApiRouter() {}

  public static Future<Router> create(Vertx vertx, Services services, WebOptions options, Clock clock) {
    return vertx.fileSystem().readFile(CONTRACT)
        .compose(yaml -> vertx.executeBlocking(() -> ContractLoader.parse(yaml))
            .compose(document -> ContractLoader.load(vertx, document)
                .map(contract -> build(vertx, services, options, clock, contract, document, yaml))));
  }

  static Router build(Vertx vertx, Services services, WebOptions options, Clock clock, OpenAPIContract contract,
      JsonObject document, Buffer yaml) {
    Operations operations = new Operations(contract, document, PagesRouter.OPEN_PATHS);
    SessionHandler sessions = SessionHandler.create(options.sessionStore())
        .setSessionCookieName(CallerAuthHandler.SESSION_COOKIE)
        .setSessionCookiePath("/")
        .setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(options.secureCookies())
        .setCookieSameSite(CookieSameSite.STRICT)
        .setSessionTimeout(SESSION_TIMEOUT_MS)
        .setLazySession(true);
    RateLimitHandler limiter = new RateLimitHandler(operations, options.publicRequestsPerMinute(), clock);
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler())
        .rootHandler(limiter)
        .rootHandler(sessions)
        .rootHandler(new SecurityHeadersHandler(options.secureCookies()))
        .rootHandler(new BodyLimits(options.maxBodyBytes()))
        .rootHandler(new CallerAuthHandler(operations, services.accounts().authenticate(), options.sessionSeal()))
        .rootHandler(new CsrfHandler());

    ApiOperations.of(vertx, services, options, sessions, yaml, clock).attachTo(builder);
    Router router = builder.createRouter();
    // Before everything mounted on this router (RouteOrder lists the whole chain).
    router.route().order(RouteOrder.CLIENT_ADDRESS).handler(new ClientAddressHandler(options.trustedProxies()));
    // The HTML pages and their assets, behind the same root chain; before the catch-all failure handler below.
    PagesRouter.mount(router, services, options.signUp(), options.publicUrl(), clock);
    ErrorMapper errors = new ErrorMapper(options.secureCookies());
    router.route().failureHandler(errors);
    ERROR_STATUSES.forEach(status -> router.errorHandler(status, errors));
    return router;
  }

  /**
   * Puts the unauthenticated routes mounted outside the contract ({@code GET /webcal/...}, {@code POST /hooks/...})
   * under a per-client-address budget of {@code publicRequestsPerMinute}, one token a request (its own buckets).
   */
  public static Router limitUnauthenticatedRoutes(Router router, WebOptions options, Clock clock) {
    RateLimitHandler limiter = new RateLimitHandler(null, options.publicRequestsPerMinute(), clock);
    router.get("/webcal/*").order(RouteOrder.PUBLIC_RATE_LIMIT).handler(ctx -> limiter.consume(ctx, 1));
    router.post("/hooks/*").order(RouteOrder.PUBLIC_RATE_LIMIT).handler(ctx -> limiter.consume(ctx, 1));
    return router;
  }
}
