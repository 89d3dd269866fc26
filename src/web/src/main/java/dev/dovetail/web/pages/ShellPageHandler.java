package dev.dovetail.web.pages;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A page that is a static shell for its ES module, reached through a customer's manage link ({@code
 * /booked/{manageToken}}, {@code /manage/{manageToken}}). The token is checked for shape, then the booking's provider
 * is looked up for the page's header and colour (ADR 57); the module reads the booking through the API and shows its
 * problem detail if the token is not valid (the header is then the hub's). The confirmation page may be framed by the
 * sites the booking's provider listed, since a booking made inside an embedded booking page lands on it (ADR 45); the
 * manage page never is. The customer's shell pages (these two and the waitlist's) are one template, {@code
 * shell.html}: the page's name (its {@link PageTexts}) picks its module and its texts {@code page.<name>.*}.
 */
final class ShellPageHandler {

  /** Same shape as the contract's {@code ManageToken} parameter. */
  static final Pattern MANAGE_TOKEN = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}\\.[A-Za-z0-9_-]{1,100}$");

  private static final Html SHELL = Html.load("shell.html");

  private final PageTexts texts;
  private final PageErrors errors;
  private final Clock clock;
  private final Function<String, Future<Provider>> providerOf;
  private final boolean framable;

  /**
   * The page {@code texts} in the look of {@code providerOf}'s provider (given the manage token); {@code framable}:
   * the sites that provider listed may frame it.
   */
  ShellPageHandler(PageTexts texts, PageErrors errors, Clock clock, Function<String, Future<Provider>> providerOf,
      boolean framable) {
    this.texts = texts;
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
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .end(render(texts, PageLanguage.choose(ctx, provider), provider, clock));
    });
  }

  /**
   * The shell page {@code texts} in {@code language}, in {@code provider}'s look (null: the hub's): module {@code
   * /assets/<name>.js}, title, heading, no-script notice, loading line and footer from {@code page.<name>.*}.
   */
  static String render(PageTexts texts, Language language, Provider provider, Clock clock) {
    String name = texts.name().toLowerCase(Locale.ROOT);
    Map<String, String> values = new HashMap<>(Map.of("module", name));
    for (String part : new String[] {"title", "heading", "noscript", "loading", "footer"}) {
      values.put(part, Messages.catalogue().get(language, "page." + name + "." + part));
    }
    return SHELL.render(PageLanguage.values(Html.withNow(values, clock), language, texts),
        PageLanguage.withSwitch(BrandMarkup.of(provider), language));
  }
}
