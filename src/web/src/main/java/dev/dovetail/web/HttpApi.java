package dev.dovetail.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;

/** The entry point of the HTTP adapter: the whole REST API as one Vert.x {@link Router}. */
public final class HttpApi {

  private HttpApi() {}

  /**
   * Loads the OpenAPI contract ({@code openapi.yaml} on the class path) and builds the router: every operation of the
   * contract validated, authorized and handled, every failure rendered as a problem detail. The clock is the hub's:
   * the pages take "now" and "today" from it, never from the visitor's device (nor the system's).
   */
  public static Future<Router> create(Vertx vertx, Services services, WebOptions options, Clock clock) {
    return ApiRouter.create(vertx, services, options, clock);
  }

  /** Rate limits the unauthenticated routes other adapters mount on the router (webcal feeds, hooks). */
  public static Router limitUnauthenticatedRoutes(Router router, WebOptions options, Clock clock) {
    return ApiRouter.limitUnauthenticatedRoutes(router, options, clock);
  }
}
