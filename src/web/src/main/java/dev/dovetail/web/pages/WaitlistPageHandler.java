package dev.dovetail.web.pages;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /waitlist/claim/{token}} and {@code GET /waitlist/leave/{token}}: the shell the waitlist mails link to.
 * The token is checked for shape only; the module calls the API when the customer presses the button.
 */
final class WaitlistPageHandler {

  /** Same shape as the contract's {@code WaitlistToken} parameter. */
  static final Pattern WAITLIST_TOKEN = Pattern.compile("^[a-z0-9][a-z0-9-]{1,110}\\.[A-Za-z0-9_-]{1,100}$");

  private final Html page;
  private final PageErrors errors;
  private final Clock clock;

  WaitlistPageHandler(Html page, PageErrors errors, Clock clock) {
    this.page = page;
    this.errors = errors;
    this.clock = clock;
  }

  void handle(RoutingContext ctx) {
    if (!WAITLIST_TOKEN.matcher(ctx.pathParam("waitlistToken")).matches()) {
      errors.notFound(ctx);
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(page.render(Html.withNow(Map.of(), clock)));
  }
}
