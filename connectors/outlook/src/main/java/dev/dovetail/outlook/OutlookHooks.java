package dev.dovetail.outlook;

import dev.dovetail.kernel.RouteOrder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Mounts {@code POST /hooks/outlook}, where Graph validates subscriptions and delivers change and lifecycle
 * notifications. Graph calls it without credentials: it is authenticated by the per-subscription clientState, which
 * {@link GraphPushes} checks. The route is ordered ahead of the REST API's root chain (sessions, CSRF, API tokens) and
 * bounds its body.
 */
public final class OutlookHooks {

  public static final String PATH = "/hooks/outlook";
  private static final long MAX_BODY_BYTES = 256 * 1024;

  private OutlookHooks() {
  }

  public static Router mount(Router router, GraphNotificationHandler.Sink sink) {
    router.post(PATH).order(RouteOrder.OUTLOOK_HOOKS).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
        .handler(new GraphNotificationHandler(sink));
    return router;
  }
}
