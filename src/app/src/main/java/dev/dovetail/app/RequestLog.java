package dev.dovetail.app;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.kernel.RouteOrder;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id, answered in {@code X-Request-Id} (a caller's own id is kept when it is short and plain),
 * and writes one access line per request: method, route template (never the path: paths carry manage, waitlist and
 * webcal tokens), status and milliseconds, with {@code requestId} in the MDC (a field of its own in the JSON log).
 */
final class RequestLog {

  static final String HEADER = "X-Request-Id";
  private static final Logger LOG = LoggerFactory.getLogger("dev.dovetail.access");
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private RequestLog() {}

  static Router mount(Router router) {
    router.route().order(RouteOrder.REQUEST_LOG).handler(RequestLog::handle);
    return router;
  }

  private static void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id = given != null && PLAIN_ID.matcher(given).matches() ? given : Ids.random();
    long started = System.nanoTime();
    ctx.response().putHeader(HEADER, id);
    ctx.addEndHandler(done -> {
      MDC.put("requestId", id);
      try {
        LOG.info("{} {} {} {} ms", ctx.request().method(), template(ctx), ctx.response().getStatusCode(),
            (System.nanoTime() - started) / 1_000_000);
      } finally {
        MDC.remove("requestId");
      }
    });
    ctx.next();
  }

  /** The matched route's template, or a placeholder: never the request's own path. */
  static String template(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    String path = route == null ? null : route.getPath();
    return path == null ? "(no route)" : path;
  }
}
