package dev.dovetail.web.pages;

import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.LoggedRoute;
import dev.dovetail.web.http.SecurityHeadersHandler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures of page routes as HTML pages with the right status: a visitor never sees a blank page or raw JSON.
 * Unexpected failures are logged and say nothing about the inside.
 */
final class PageErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

  private final Html page = Html.load("error.html");

  void notFound(RoutingContext ctx) {
    render(ctx, 404, "Page not found",
        "There is nothing at this address. Check the link you were given, or ask the provider for a new one.");
  }

  void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode();
    if (failure instanceof ApiProblem problem) {
      problem.headers().forEach(ctx.response()::putHeader);
      render(ctx, problem.status(), problem.title(), problem.getMessage());
    } else if (failure instanceof NotFoundException || status == 404) {
      notFound(ctx);
    } else if (failure instanceof HttpException e && e.getStatusCode() < 500) {
      render(ctx, e.getStatusCode(), "This request was refused", "Please go back and try again.");
    } else if (status > 0 && status < 500 && failure == null) {
      render(ctx, status, "This request was refused", "Please go back and try again.");
    } else {
      LOG.error("page " + LoggedRoute.of(ctx) + " failed", failure);
      render(ctx, 500, "Something went wrong",
          "The page could not be shown because of an error on our side. It has been logged; please try again.");
    }
  }

  void render(RoutingContext ctx, int status, String title, String detail) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (!ctx.response().headers().contains("Content-Security-Policy")) {
      // Refused before the root chain's security headers were set (the rate limit runs first): set them here.
      SecurityHeadersHandler.apply(ctx.response(), false);
    }
    String retryAfter = ctx.response().headers().get("Retry-After");
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end(page.render(Map.of("status", Integer.toString(status), "title", title, "detail", detail,
            "retry", retryAfter == null ? "" : "You can try again in " + retryAfter + " seconds.")));
  }
}
