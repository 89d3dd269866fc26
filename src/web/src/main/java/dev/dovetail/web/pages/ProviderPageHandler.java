package dev.dovetail.web.pages;

import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /book/{provider}}: the provider's page, listing every booking type whose resource takes bookings, each
 * linking to its booking page. Rendered on the server, so it reads without scripts and link previews (Open Graph)
 * name the provider. An unknown provider is a 404 page.
 */
final class ProviderPageHandler {

  static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

  private final PublicCatalog catalog;
  private final PageErrors errors;
  private final Html page = Html.load("provider.html");
  private final Html offerRow = Html.load("provider-offer.html");
  private final Html noOffers = Html.load("provider-none.html");

  private final boolean cardPayments;

  ProviderPageHandler(PublicCatalog catalog, PageErrors errors, boolean cardPayments) {
    this.catalog = catalog;
    this.errors = errors;
    this.cardPayments = cardPayments;
  }

  void handle(RoutingContext ctx) {
    String provider = ctx.pathParam("provider");
    if (!SLUG.matcher(provider).matches()) {
      errors.notFound(ctx);
      return;
    }
    catalog.offers(provider).onComplete(ar -> {
      if (ar.failed()) {
        if (ar.cause() instanceof NotFoundException) {
          errors.notFound(ctx);
        } else {
          ctx.fail(ar.cause());
        }
        return;
      }
      PublicCatalog.ProviderOffers found = ar.result();
      Language language = PageLanguage.choose(ctx, found.provider());
      List<Html.Fragment> rows = found.offers().isEmpty() ? List.of(noOffers.fragment(Map.of()))
          : found.offers().stream().map(offer -> offerRow.fragment(
              BookingPageHandler.values(offer, cardPayments, language))).toList();
      int count = found.offers().size();
      Map<String, String> values = Map.of("providerName", found.provider().displayName(),
          "offerSummary", Messages.catalogue().get(language, count == 0 ? "provider.offers.none"
              : count == 1 ? "provider.offers.one" : "provider.offers.many", Map.of("count", count)));
      Embedding.allowFramingBy(ctx, found.provider());
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .end(page.render(PageLanguage.values(values, language, PageTexts.NONE),
              PageLanguage.withSwitch(BrandMarkup.with(Map.of("offers", rows), found.provider()), language)));
    });
  }
}
