package dev.dovetail.caldav.dav;

import dev.dovetail.account.domain.Principal;
import dev.dovetail.account.port.in.AuthenticationException;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.domain.TooManyRequestsException;
import dev.dovetail.caldav.CalDavServices;
import dev.dovetail.caldav.method.DavMethodHandler;
import dev.dovetail.kernel.ConflictException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up the handler for the request's method, authenticates the caller with HTTP Basic (user = provider handle,
 * password = an app password or the account password; repeated failures are throttled by {@link AuthThrottle}), and
 * renders every failure: {@link DavException} with its
 * precondition body, 401 with a Basic challenge, 413 for oversized bodies, 503 with Retry-After when a resource lock
 * timed out, 500 without details otherwise.
 */
public final class DavDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(DavDispatcher.class);
  public static final String CHALLENGE = "Basic realm=\"Dovetail\", charset=\"UTF-8\"";

  private final Map<HttpMethod, DavMethodHandler> handlers = new LinkedHashMap<>();
  private final CalDavServices services;
  private final DavTree tree;
  private final AuthThrottle throttle;

  /** Where the web adapter's {@code ClientAddressHandler} keeps the resolved client address. */
  static final String CLIENT_ADDRESS_KEY = "dovetail.clientAddress";

  /** Failed Basic logins allowed per client address and per user name per minute. */
  public static final int MAX_AUTH_FAILURES_PER_MINUTE = 20;

  public DavDispatcher(CalDavServices services, List<DavMethodHandler> handlers) {
    this.services = services;
    this.tree = new DavTree(services);
    this.throttle = new AuthThrottle(MAX_AUTH_FAILURES_PER_MINUTE, services.clock());
    handlers.forEach(h -> this.handlers.put(h.method(), h));
  }

  public List<HttpMethod> methods() {
    return List.copyOf(handlers.keySet());
  }

  public void handle(RoutingContext ctx) {
    secure(ctx.response());
    DavMethodHandler handler = handlers.get(ctx.request().method());
    if (handler == null) {
      ctx.response().putHeader("Allow", String.join(", ", handlers.keySet().stream().map(HttpMethod::name).toList()));
      fail(ctx, new DavException(405, null, "method not allowed"));
      return;
    }
    String path = ctx.normalizedPath();
    if (path.equals("/")) {
      path = Hrefs.ROOT;
    }
    if (!path.endsWith("/") && !path.startsWith("/dav/")) {
      path = path + "/";
    }
    String davPath = path;
    Future<Principal> who = handler.authenticated() ? authenticate(ctx)
        : Future.succeededFuture(new Principal("", Principal.Via.APP_PASSWORD));
    who.compose(principal -> (handler.authenticated()
            ? services.catalog().provider(principal.providerId()) : Future.succeededFuture(null))
            .compose(provider -> {
              DavRequest req = new DavRequest(ctx, principal, (Provider) provider,
                  davPath, services, tree, RequestBudget.start());
              try {
                return handler.handle(req);
              } catch (RuntimeException e) {
                return Future.failedFuture(e);
              }
            }))
        .onFailure(err -> fail(ctx, err));
  }

  private Future<Principal> authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Future.failedFuture(new AuthenticationException());
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new AuthenticationException());
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Future.failedFuture(new AuthenticationException());
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    // The client address the API's first handler resolved (trusted proxies, X-Forwarded-For), else the TCP peer.
    String client = ctx.get(CLIENT_ADDRESS_KEY);
    var peer = ctx.request().remoteAddress();
    String[] keys = {"ip:" + (client != null ? client : peer == null || peer.host() == null ? "unknown" : peer.host()),
        "user:" + user.strip().toLowerCase(Locale.ROOT)};
    long wait = throttle.blockedFor(keys);
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(wait));
      return Future.failedFuture(new DavException(429, null, "too many failed logins; try again later"));
    }
    return services.authenticate().withAppPassword(user, password)
        .recover(err -> services.authenticate().withPasswordOverCalDav(user, password))
        .recover(err -> {
          throttle.failed(keys);
          if (err instanceof TooManyRequestsException locked) {
            // The account is in back-off (AccountService's LoginThrottle): no password was checked.
            ctx.response().putHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
            return Future.failedFuture(new DavException(429, null, locked.getMessage()));
          }
          return Future.failedFuture(new AuthenticationException());
        });
  }

  /** Renders a failure; also the route's failure handler (body too large, unexpected errors). */
  public void fail(RoutingContext ctx, Throwable err) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    secure(response);
    if (err instanceof AuthenticationException) {
      response.setStatusCode(401).putHeader("WWW-Authenticate", CHALLENGE)
          .putHeader("Content-Type", "text/plain; charset=utf-8").end("authentication required\n");
      return;
    }
    err = DavErrors.translate(err);
    if (err instanceof ResourceBusyException busy) {
      // the resource lock timed out (another write holds it): the client should retry, not report a server bug
      response.putHeader("Retry-After", String.valueOf(ResourceBusyException.RETRY_AFTER_SECONDS));
      err = new DavException(503, null, busy.getMessage());
    } else if (err instanceof ConflictException conflict) {
      err = new DavException(409, null, conflict.getMessage());
    }
    if (err instanceof DavException dav) {
      String body = dav.errorBody();
      response.setStatusCode(dav.status());
      if (body != null) {
        response.putHeader("Content-Type", "application/xml; charset=utf-8").end(body);
      } else {
        response.putHeader("Content-Type", "text/plain; charset=utf-8").end(dav.getMessage() + "\n");
      }
      return;
    }
    int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
    if (status == 500) {
      LOG.warn("CalDAV request {} {} failed", ctx.request().method(), ctx.normalizedPath(), err);
    }
    response.setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(status == 413 ? "request body too large\n" : status == 500 ? "internal error\n" : "request refused\n");
  }

  private static void secure(HttpServerResponse response) {
    response.putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        .putHeader("Cache-Control", "no-store");
  }
}
