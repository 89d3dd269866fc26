package dev.dovetail.web.ops;

import dev.dovetail.web.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * {@code GET /health} (liveness): 200 {@code {"status":"UP","checks":[]}} whenever the hub answers at all, so that an
 * orchestrator restarts only a hub that is really stuck, not every hub when the store is away. {@code GET /ready}
 * (readiness): 200 {@code {"status":"UP","checks":[...]}} when every check passes, 503 with {@code "DOWN"} otherwise.
 * The one check asks the store (and, in a cluster, the hub's membership), with a timeout so that a hung store reads as
 * down, not as a hung probe.
 */
public final class HealthHandler {

  static final long STORE_TIMEOUT_MS = 2_000;

  private final HealthChecks checks;

  public HealthHandler(Vertx vertx, Supplier<Future<Void>> storeHealth) {
    this.checks = HealthChecks.create(vertx).register("store", STORE_TIMEOUT_MS, promise -> {
      Future<Void> ping;
      try {
        ping = storeHealth.get();
      } catch (RuntimeException e) {
        ping = Future.failedFuture(e);
      }
      ping.onComplete(ar -> promise.tryComplete(ar.succeeded() ? Status.OK() : Status.KO()));
    });
  }

  public void alive(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "UP").put("checks", new JsonArray()));
  }

  public void ready(RoutingContext ctx) {
    checks.checkStatus().onComplete(ar -> {
      boolean up = ar.succeeded() && CheckResult.isUp(ar.result());
      JsonArray list = new JsonArray();
      if (ar.succeeded() && ar.result().getChecks() != null) {
        for (CheckResult check : ar.result().getChecks()) {
          list.add(new JsonObject().put("id", check.getId()).put("status", CheckResult.isUp(check) ? "UP" : "DOWN"));
        }
      }
      Responses.json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", list));
    });
  }
}
