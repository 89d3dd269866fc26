package dev.dovetail.web.codec;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Requests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * Pagination on the wire: {@code ?limit=&cursor=} in, {@code {"items":[...],"nextCursor":...}} out. Cursors are the
 * store's keyset positions wrapped in base64url, so clients treat them as opaque and cannot type a position in.
 */
public final class PageCodec {

  private PageCodec() {}

  public static PageRequest request(RoutingContext ctx) {
    int limit = Requests.queryInt(ctx, "limit", PageRequest.DEFAULT_LIMIT);
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw ApiProblem.badRequest("'limit' must be between 1 and " + PageRequest.MAX_LIMIT + ": " + limit);
    }
    String cursor = Requests.query(ctx, "cursor");
    return new PageRequest(cursor == null ? null : decode(cursor), limit);
  }

  public static <T> JsonObject toJson(Page<T> page, Function<T, JsonObject> encode) {
    JsonArray items = new JsonArray();
    page.items().forEach(item -> items.add(encode.apply(item)));
    return new JsonObject()
        .put("items", items)
        .put("nextCursor", page.nextCursor() == null ? null : encode(page.nextCursor()));
  }

  static String encode(String cursor) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("'cursor' is not a cursor this API issued");
    }
  }
}
