package dev.dovetail.web.pages;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.CancellationPolicyText;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.TypeLocation;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import dev.dovetail.web.codec.PoolCodec;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /book/{provider}/{bookingType}}: the public booking page, rendered with the offer (provider, type,
 * resource, length, price) so that it reads right before any script runs. The provider segment must be the booking
 * type's provider, otherwise the page is a 404 like an unknown type (ids cannot be probed across providers).
 */
final class BookingPageHandler {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

  private final PublicCatalog catalog;
  private final PageErrors errors;
  private final Html page = Html.load("book.html");
  private final Html locationText = Html.load("book-location.html");
  private final Html locationLink = Html.load("book-location-link.html");
  private final Clock clock;
  private final boolean cardPayments;

  /** @param cardPayments whether the hub takes card payments; without them a type paid online is not bookable here */
  BookingPageHandler(PublicCatalog catalog, PageErrors errors, Clock clock, boolean cardPayments) {
    this.catalog = catalog;
    this.errors = errors;
    this.clock = clock;
    this.cardPayments = cardPayments;
  }

  void handle(RoutingContext ctx) {
    String provider = ctx.pathParam("provider");
    String typeId = ctx.pathParam("bookingType");
    if (!SLUG.matcher(provider).matches() || !SLUG.matcher(typeId).matches()) {
      errors.notFound(ctx);
      return;
    }
    catalog.offer(typeId).onComplete(ar -> {
      if (ar.failed()) {
        if (ar.cause() instanceof NotFoundException) {
          errors.notFound(ctx);
        } else {
          ctx.fail(ar.cause());
        }
        return;
      }
      PublicCatalog.Offer offer = ar.result();
      if (!offer.provider().id().equals(provider)) {
        errors.notFound(ctx);
        return;
      }
      Embedding.allowFramingBy(ctx, offer.provider());
      Language language = PageLanguage.choose(ctx, offer.provider());
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .end(page.render(PageLanguage.values(Html.withNow(values(offer, cardPayments, language), clock), language,
                  PageTexts.BOOK),
              PageLanguage.withSwitch(BrandMarkup.with(Map.of("locationItem", locationItem(offer, language)),
                  offer.provider()), language)));
    });
  }

  /**
   * The page's values. A type that takes payment online on a hub without card payments (saved before the hub lost
   * Stripe, or stored directly) is not advertised as paid online: its price and a notice that it cannot be booked here
   * ({@code closedText}, which the page shows instead of the times); booking it would be refused (503). Texts are in
   * {@code language}.
   */
  static Map<String, String> values(PublicCatalog.Offer offer, boolean cardPayments, Language language) {
    Messages messages = Messages.catalogue();
    BookingType type = offer.type();
    boolean closed = type.payment() != PaymentRequirement.NONE && !cardPayments;
    Map<String, String> values = new HashMap<>();
    values.put("typeId", type.id());
    values.put("typeName", type.name());
    values.put("providerHandle", offer.provider().id());
    values.put("providerName", offer.provider().displayName());
    values.put("providerEmail", offer.provider().email());
    values.put("resourceName", PoolCodec.whereText(offer));
    values.put("resourceZone", offer.resource().zone().getId());
    values.put("durations", type.durations().stream().map(d -> Long.toString(d.toMinutes()))
        .collect(Collectors.joining(",")));
    values.put("durationText", type.durations().stream().map(d -> minutes(d, language))
        .collect(Collectors.joining(" " + messages.get(language, "text.or") + " ")));
    values.put("horizonDays", Long.toString(type.horizon().toDays()));
    values.put("priceText", closed ? price(type.price(), null, language)
        : price(type.price(), type.payment(), language));
    values.put("policyText", closed ? messages.get(language, "policy.notBookable")
        : CancellationPolicyText.of(type, language));
    values.put("closedText", closed ? messages.get(language, "policy.closed",
        Map.of("providerName", offer.provider().displayName())) : "");
    values.put("description", type.details().description());
    return values;
  }

  /**
   * The type's location as one more fact (ADR 49), or nothing: an address as text, a phone number as a {@code tel:}
   * link, a video link (validated https) as a link.
   */
  private List<Html.Fragment> locationItem(PublicCatalog.Offer offer, Language language) {
    TypeLocation location = offer.type().details().location();
    if (location == null) {
      return List.of();
    }
    String label = Messages.catalogue().get(language, switch (location.kind()) {
      case ADDRESS -> "location.address";
      case PHONE -> "location.phone";
      case VIDEO -> "location.video";
    });
    return List.of(switch (location.kind()) {
      case ADDRESS -> locationText.fragment(Map.of("locationLabel", label, "locationValue", location.value()));
      case PHONE -> locationLink.fragment(Map.of("locationLabel", label, "locationValue", location.value(),
          "locationHref", "tel:" + location.value().replaceAll("[^+0-9]", "")));
      case VIDEO -> locationLink.fragment(Map.of("locationLabel", label, "locationValue", location.value(),
          "locationHref", location.url()));
    });
  }

  /** "45 minutes", "1 hour", "2 hours" in {@code language}. */
  static String minutes(Duration duration, Language language) {
    return CancellationPolicyText.length(duration, language);
  }

  /**
   * The price as the customer reads it, with how it is paid ({@code payment} null: not said). The amount is written
   * the way the pages' {@code Intl.NumberFormat} writes it in the page's language ("€45.00"), with the currency's own
   * digits, so that the booking, payment and manage pages agree (ADR 55); German pages write "45,00 €".
   */
  static String price(Money money, PaymentRequirement payment, Language language) {
    Messages messages = Messages.catalogue();
    if (money.minorUnits() == 0) {
      return messages.get(language, "price.free");
    }
    String amount;
    try {
      Currency currency = Currency.getInstance(money.currency());
      NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
      format.setCurrency(currency);
      int digits = Math.max(0, currency.getDefaultFractionDigits());
      format.setMinimumFractionDigits(digits);
      format.setMaximumFractionDigits(digits);
      amount = format.format(BigDecimal.valueOf(money.minorUnits(), digits));
    } catch (IllegalArgumentException e) {
      amount = BigDecimal.valueOf(money.minorUnits(), 2).toPlainString() + " " + money.currency();
    }
    if (payment == null) {
      return amount;
    }
    return messages.get(language, switch (payment) {
      case NONE -> "price.onSite";
      case DEPOSIT -> "price.deposit";
      case FULL -> "price.full";
    }, Map.of("amount", amount));
  }
}
