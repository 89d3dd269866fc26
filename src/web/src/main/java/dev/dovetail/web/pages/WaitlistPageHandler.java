package dev.dovetail.web.pages;

import dev.dovetail.booking.domain.Provider;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code GET /waitlist/claim/{token}} and {@code GET /waitlist/leave/{token}}: the shell the waitlist mails link to.
 * The token is checked for shape; a claim link's page wears its provider's header and colour (ADR 57). The module
 * calls the API when the customer presses the button.
 */
final class WaitlistPageHandler {

  /** Same shape as the contract's {@code WaitlistToken} parameter. */
  static final Pattern WAITLIST_TOKEN = Pattern.compile("^[a-z0-9][a-z0-9-]{1,110}\\.[A-Za-z0-9_-]{1,100}$");

  private final PageErrors errors;
  private final Clock clock;
  private final Function<String, Future<Provider>> providerOfClaim;

  /** {@code providerOfClaim}: the provider of a claim link's offer, for the page's header and colour (ADR 57). */
  WaitlistPageHandler(PageErrors errors, Clock clock, Function<String, Future<Provider>> providerOfClaim) {
    this.errors = errors;
    this.clock = clock;
    this.providerOfClaim = providerOfClaim;
  }

  void handle(RoutingContext ctx) {
    String token = ctx.pathParam("waitlistToken");
    if (!WAITLIST_TOKEN.matcher(token).matches()) {
      errors.notFound(ctx);
      return;
    }
    // A leave link is not looked up: leaving is the POST its button sends, and reading the entry would not say more.
    Future<Provider> provider = ctx.normalizedPath().startsWith("/waitlist/claim/") ? providerOfClaim.apply(token)
        : Future.failedFuture("no provider for a leave link");
    provider.onComplete(found -> {
      Provider owner = found.succeeded() ? found.result() : null;
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .end(ShellPageHandler.render(PageTexts.WAITLIST, PageLanguage.choose(ctx, owner), owner, clock));
    });
  }
}
