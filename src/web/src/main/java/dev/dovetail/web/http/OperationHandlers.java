package dev.dovetail.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handler of each contract operation, by operation id: every feature package puts its own operations here, then
 * {@link #attachTo} gives each route of the contract its handler. Every operation of the contract must have a handler
 * and every handler an operation, and no operation may have two handlers, or building fails.
 */
public final class OperationHandlers {

  private final Map<String, Handler<RoutingContext>> byOperationId = new LinkedHashMap<>();

  /** Registers the handler of one operation; returns this, so a feature can list its operations in one statement. */
  public OperationHandlers on(String operationId, Handler<RoutingContext> handler) {
    if (byOperationId.putIfAbsent(operationId, handler) != null) {
      throw new IllegalStateException("two handlers for operation " + operationId);
    }
    return this;
  }

  /**
   * Adds each operation's handler to its route, after the contract's validation. Authentication is done by the root
   * chain for every route, before validation (see {@link CallerAuthHandler}), so the routes' own security is off.
   */
  public void attachTo(RouterBuilder builder) {
    Map<String, Handler<RoutingContext>> unmatched = new LinkedHashMap<>(byOperationId);
    for (OpenAPIRoute route : builder.getRoutes()) {
      String operationId = route.getOperation().getOperationId();
      Handler<RoutingContext> handler = unmatched.remove(operationId);
      if (handler == null) {
        throw new IllegalStateException("no handler for operation " + operationId);
      }
      route.setDoSecurity(false).setDoValidation(true).addHandler(handler);
    }
    if (!unmatched.isEmpty()) {
      throw new IllegalStateException("handlers for operations the contract lacks: " + unmatched.keySet());
    }
  }
}
