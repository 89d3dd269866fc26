package dev.dovetail.caldav;

import dev.dovetail.caldav.dav.DavDispatcher;
import dev.dovetail.caldav.method.DavMethodHandler;
import dev.dovetail.caldav.method.DeleteMethodHandler;
import dev.dovetail.caldav.method.GetMethodHandler;
import dev.dovetail.caldav.method.HeadMethodHandler;
import dev.dovetail.caldav.method.MkcalendarMethodHandler;
import dev.dovetail.caldav.method.MkcolMethodHandler;
import dev.dovetail.caldav.method.OptionsMethodHandler;
import dev.dovetail.caldav.method.PropfindMethodHandler;
import dev.dovetail.caldav.method.ProppatchMethodHandler;
import dev.dovetail.caldav.method.PutMethodHandler;
import dev.dovetail.caldav.method.ReportMethodHandler;
import dev.dovetail.caldav.property.DavProperties;
import dev.dovetail.kernel.RouteOrder;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * Mounts the CalDAV server on a router: {@code /.well-known/caldav} (RFC 6764 5) redirects to {@code /dav/}, and
 * {@code /dav/*} serves every DAV method through one {@link DavDispatcher} (PROPFIND and REPORT on {@code /} too, as
 * on {@code /dav/}, so clients given the bare host URL find the principal); {@code /webcal/...} serves read-only
 * feeds ({@link WebcalFeedHandler}). The routes get orders below zero, so they
 * run before the REST API's root chain (sessions, CSRF, API-token auth) when mounted on the API's router: CalDAV
 * authenticates itself (HTTP Basic), bounds its bodies and sets its own security headers, and never falls through.
 */
public final class CalDavRouter {


  private CalDavRouter() {}

  public static List<DavMethodHandler> handlers() {
    return List.of(new OptionsMethodHandler(), new PropfindMethodHandler(), new ProppatchMethodHandler(),
        new MkcalendarMethodHandler(), new MkcolMethodHandler(), new GetMethodHandler(), new HeadMethodHandler(), new PutMethodHandler(),
        new DeleteMethodHandler(), new ReportMethodHandler());
  }

  public static Router mount(Router router, CalDavServices services) {
    DavProperties.maxResourceSize(services.maxBodyBytes());
    DavDispatcher dispatcher = new DavDispatcher(services, handlers());
    int order = RouteOrder.CALDAV;
    router.route("/.well-known/caldav").order(order++).handler(ctx -> ctx.response().setStatusCode(301)
        .putHeader("Location", "/dav/").putHeader("Cache-Control", "no-store").end());
    router.route("/.well-known/caldav/").order(order++).handler(ctx -> ctx.response().setStatusCode(301)
        .putHeader("Location", "/dav/").end());
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(services.maxBodyBytes());
    for (HttpMethod method : dispatcher.methods()) {
      Route route = router.route(HttpMethod.valueOf(method.name()), "/dav/*").order(order++);
      route.handler(bodies).handler(dispatcher::handle).failureHandler(ctx -> dispatcher.fail(ctx, ctx.failure()));
    }
    // The bare host URL (README: point clients at http://host/): DAV discovery (OPTIONS, PROPFIND, REPORT) on "/" is answered as on /dav/, with
    // a Basic challenge when unauthenticated; GET and the other methods on "/" stay the web pages'.
    for (String method : List.of("OPTIONS", "PROPFIND", "REPORT")) {
      router.route(HttpMethod.valueOf(method), "/").order(order++).handler(bodies).handler(dispatcher::handle)
          .failureHandler(ctx -> dispatcher.fail(ctx, ctx.failure()));
    }
    WebcalFeedHandler feeds = new WebcalFeedHandler(services);
    router.get("/webcal/:provider/:resource/:token").order(order++).handler(feeds::handle);
    // Every other method on /dav/*: 405 with an honest Allow, never the REST API's handlers.
    router.route("/dav/*").order(order).handler(dispatcher::handle)
        .failureHandler(ctx -> dispatcher.fail(ctx, ctx.failure()));
    return router;
  }
}
