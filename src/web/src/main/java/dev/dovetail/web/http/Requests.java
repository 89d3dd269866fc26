package dev.dovetail.web.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

/** Reads the parameters and body of a request after the contract validated them (so types already match). */
public final class Requests {

  private Requests() {}

  /** The JSON object body, or an empty object when the request has none (an optional body). */
  public static JsonObject optionalBody(RoutingContext ctx) {
    Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      return new JsonObject();
    }
    return body(ctx);
  }

  public static JsonObject body(RoutingContext ctx) {
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    RequestParameter body = validated == null ? null : validated.getBody();
    if (body != null && !body.isNull() && body.isJsonObject()) {
      return body.getJsonObject();
    }
    JsonObject raw = ctx.body().asJsonObject();
    if (raw == null) {
      throw ApiProblem.badRequest("a JSON object body is required");
    }
    return raw;
  }

  public static String path(RoutingContext ctx, String name) {
    return ctx.pathParam(name);
  }

  /** A query parameter as text, or null when absent. */
  public static String query(RoutingContext ctx, String name) {
    RequestParameter param = validatedQuery(ctx, name);
    if (param != null && !param.isNull()) {
      return String.valueOf(param.get());
    }
    return ctx.queryParams().get(name);
  }

  /** An integer query parameter (validated against its schema), or the default when absent. */
  public static int queryInt(RoutingContext ctx, String name, int defaultValue) {
    RequestParameter param = validatedQuery(ctx, name);
    if (param != null && !param.isNull() && param.get() instanceof Number n) {
      return n.intValue();
    }
    String raw = ctx.queryParams().get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("'" + name + "' must be an integer: " + raw);
    }
  }

  private static RequestParameter validatedQuery(RoutingContext ctx, String name) {
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    return validated == null || validated.getQuery() == null ? null : validated.getQuery().get(name);
  }
}
