package dev.dovetail.web.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.function.Supplier;

/** Ends requests with JSON, or hands failures to the {@link ErrorMapper}. */
public final class Responses {

  private Responses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.toBuffer());
  }

  public static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }

  /** Answers with {@code status} and the encoded result, or fails the request with the future's failure. */
  public static <T> void respond(RoutingContext ctx, Future<T> result, int status, Function<T, JsonObject> encode) {
    result.onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      JsonObject body;
      try {
        body = encode.apply(ar.result());
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      json(ctx, status, body);
    });
  }

  /** Runs {@code call}, turning a synchronous throw (bad input caught while decoding) into a failed future. */
  public static <T> Future<T> attempt(Supplier<Future<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
