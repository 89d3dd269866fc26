package dev.dovetail.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a hub's probe route until it answers an expected status, without sleeping the test thread. */
final class HubProbe {

  private HubProbe() {}

  /** Succeeds when {@code GET path} answers {@code status}; fails if {@code alive} turns false or time runs out. */
  static Future<Void> await(Vertx vertx, WebClient client, int port, String path, int status, Duration within,
      BooleanSupplier alive) {
    Promise<Void> reached = Promise.promise();
    poll(vertx, client, port, path, status, System.nanoTime() + within.toNanos(), alive, reached);
    return reached.future();
  }

  private static void poll(Vertx vertx, WebClient client, int port, String path, int status, long deadline,
      BooleanSupplier alive, Promise<Void> reached) {
    client.get(port, "127.0.0.1", path).timeout(5_000).send()
        .flatMap(r -> r.statusCode() == status ? Future.succeededFuture()
            : Future.failedFuture("status " + r.statusCode()))
        .onSuccess(v -> reached.tryComplete())
        .onFailure(err -> {
          if (!alive.getAsBoolean() || System.nanoTime() > deadline) {
            reached.tryFail(path + " did not answer " + status + ": " + err.getMessage());
          } else {
            vertx.setTimer(200, id -> poll(vertx, client, port, path, status, deadline, alive, reached));
          }
        });
  }
}
