package dev.dovetail.web.pages;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.kernel.i18n.Language;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A page that is a static shell for its ES module, reached through a customer's manage link ({@code
 * /booked/{manageToken}}, {@code /manage/{manageToken}}). The token is checked for shape, then the booking's provider
 * is looked up for the page's header and colour (ADR 57); the module reads the booking through the API and shows its
 * problem detail if the token is not valid (the header is then the hub's). The confirmation page may be framed by the
 * sites the booking's provider listed, since a booking made inside an embedded booking page lands on it (ADR 45); the
 * manage page never is.
 */
final class ShellPageHandler {

  /** Same shape as the contract's {@code ManageToken} parameter. */
  static final Pattern MANAGE_TOKEN = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}\\.[A-Za-z0-9_-]{1,100}$");

  private final Html page;
  private final PageErrors errors;
  private final Clock clock;
  private final Function<String, Future<Provider>> providerOf;
  private final boolean framable;

  /**
   * A page in the look of {@code providerOf}'s provider (given the manage token); {@code framable}: the sites that
   * provider listed may frame it.
   */
  ShellPageHandler(Html page, PageErrors errors, Clock clock, Function<String, Future<Provider>> providerOf,
      boolean framable) {
    this.page = page;
    this.errors = errors;
    this.clock = clock;
    this.providerOf = providerOf;
    this.framable = framable;
  }

  void withManageToken(RoutingContext ctx) {
    String token = ctx.pathParam("manageToken");
    if (!MANAGE_TOKEN.matcher(token).matches()) {
      errors.notFound(ctx);
      return;
    }
    // An unknown or forged token renders the page in the hub's look and unframeable; the module then shows the API's
    // answer.
    providerOf.apply(token).onComplete(found -> {
      Provider provider = found.succeeded() ? found.result() : null;
      if (provider != null && framable) {
        Embedding.allowFramingBy(ctx, provider);
      }
      Language language = PageLanguage.choose(ctx, provider);
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .end(page.render(PageLanguage.values(Html.withNow(Map.of(), clock), language),
              PageLanguage.withSwitch(BrandMarkup.of(provider), language)));
    });
  }
}
