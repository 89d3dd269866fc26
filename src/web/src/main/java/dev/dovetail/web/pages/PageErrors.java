package dev.dovetail.web.pages;

import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
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
    Language language = PageLanguage.choose(ctx, null);
    render(ctx, 404, text(language, "error.notFound.title"), text(language, "error.notFound.detail"));
  }

  void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode();
    Language language = PageLanguage.choose(ctx, null);
    if (failure instanceof ApiProblem problem) {
      problem.headers().forEach(ctx.response()::putHeader);
      render(ctx, problem.status(), problem.title(), problem.getMessage());
    } else if (failure instanceof NotFoundException || status == 404) {
      notFound(ctx);
    } else if (failure instanceof HttpException e && e.getStatusCode() < 500) {
      render(ctx, e.getStatusCode(), text(language, "error.refused.title"), text(language, "error.refused.detail"));
    } else if (status > 0 && status < 500 && failure == null) {
      render(ctx, status, text(language, "error.refused.title"), text(language, "error.refused.detail"));
    } else {
      LOG.error("page " + LoggedRoute.of(ctx) + " failed", failure);
      render(ctx, 500, text(language, "error.failed.title"), text(language, "error.failed.detail"));
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
    Language language = PageLanguage.choose(ctx, null);
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end(page.render(Map.of("lang", language.tag(), "status", Integer.toString(status), "title", title,
            "detail", detail, "retry", retryAfter == null ? ""
                : Messages.catalogue().get(language, "error.retry", Map.of("seconds", retryAfter)))));
  }

  private static String text(Language language, String key) {
    return Messages.catalogue().get(language, key);
  }
}
