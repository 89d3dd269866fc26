package dev.dovetail.web.pages;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A page that is a static shell for its ES module, reached through a customer's manage link ({@code
 * /booked/{manageToken}}, {@code /manage/{manageToken}}). The token is checked for shape only; the module reads the
 * booking through the API and shows its problem detail if the token is not valid.
 */
final class ShellPageHandler {

  /** Same shape as the contract's {@code ManageToken} parameter. */
  static final Pattern MANAGE_TOKEN = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}\\.[A-Za-z0-9_-]{1,100}$");

  private final Html page;
  private final PageErrors errors;
  private final Clock clock;

  ShellPageHandler(Html page, PageErrors errors, Clock clock) {
    this.page = page;
    this.errors = errors;
    this.clock = clock;
  }

  void withManageToken(RoutingContext ctx) {
    if (!MANAGE_TOKEN.matcher(ctx.pathParam("manageToken")).matches()) {
      errors.notFound(ctx);
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(page.render(Html.withNow(Map.of(), clock)));
  }
}
