package dev.dovetail.web.pages;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for the language of a customer page (ADR 62): an explicit {@code ?lang=} (remembered in the {@value
 * #COOKIE} cookie for the next pages), else that cookie, else the browser's {@code Accept-Language} (highest q-value
 * among the languages we have), else the provider's brand language, else English. The page then carries {@code <html
 * lang>}, its modules' texts and a link to each other language.
 */
final class PageLanguage {

  static final String PARAM = "lang";
  static final String COOKIE = "dovetail_lang";
  /** Only this much of an {@code Accept-Language} header is read, and at most {@link #MAX_RANGES} ranges of it. */
  static final int MAX_HEADER = 256;
  static final int MAX_RANGES = 16;
  /** Where a request's chosen language is kept, so that it is decided (and the cookie set) once. */
  private static final String CHOSEN = "dovetail.pageLanguage";
  private static final int YEAR_SECONDS = 365 * 24 * 3600;
  private static final Html SWITCH = Html.load("lang-switch.html");
  private static final Html LINK = Html.load("lang-link.html");

  private PageLanguage() {}

  /**
   * The language of the page answering {@code ctx}, decided once per request; {@code provider} may be null (the hub's
   * own pages, an unknown link).
   */
  static Language choose(RoutingContext ctx, Provider provider) {
    Language chosen = ctx.get(CHOSEN);
    if (chosen == null) {
      chosen = decide(ctx, provider);
      ctx.put(CHOSEN, chosen);
      ctx.response().headers().add(HttpHeaders.VARY, "Accept-Language, Cookie");
    }
    return chosen;
  }

  private static Language decide(RoutingContext ctx, Provider provider) {
    Optional<Language> asked = exact(ctx.request().getParam(PARAM));
    if (asked.isPresent()) {
      ctx.response().addCookie(Cookie.cookie(COOKIE, asked.get().tag()).setPath("/").setMaxAge(YEAR_SECONDS)
          .setHttpOnly(true).setSameSite(CookieSameSite.LAX));
      return asked.get();
    }
    Cookie remembered = ctx.request().getCookie(COOKIE);
    Optional<Language> cookie = exact(remembered == null ? null : remembered.getValue());
    if (cookie.isPresent()) {
      return cookie.get();
    }
    return fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
        .or(() -> provider == null ? Optional.empty() : exact(provider.brand().language()))
        .orElse(Language.EN);
  }

  /**
   * The language the header prefers most (q-values honoured, ties to the earlier range, {@code q=0} never), or empty
   * when it names none we have. Reads at most {@link #MAX_HEADER} characters and {@link #MAX_RANGES} ranges, so a
   * hostile header costs no more than a normal one; a malformed q-value counts as 0.
   */
  static Optional<Language> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String head = header.length() > MAX_HEADER ? header.substring(0, MAX_HEADER) : header;
    Language best = null;
    double bestQ = 0;
    int ranges = 0;
    for (int from = 0; from <= head.length() && ranges < MAX_RANGES; ranges++) {
      int comma = head.indexOf(',', from);
      int to = comma < 0 ? head.length() : comma;
      String range = head.substring(from, to);
      from = to + 1;
      int semi = range.indexOf(';');
      Optional<Language> language = Language.of((semi < 0 ? range : range.substring(0, semi)).strip());
      double q = semi < 0 ? 1 : quality(range.substring(semi + 1));
      if (language.isPresent() && q > bestQ) {
        best = language.get();
        bestQ = q;
      }
      if (comma < 0) {
        break;
      }
    }
    return Optional.ofNullable(best);
  }

  private static double quality(String params) {
    String p = params.strip();
    if (!p.startsWith("q=") || p.length() > 7) {
      return 0;
    }
    try {
      double q = Double.parseDouble(p.substring(2));
      return q >= 0 && q <= 1 ? q : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** "en" or "de" exactly, as our own links and cookie write them. */
  private static Optional<Language> exact(String tag) {
    return tag != null && tag.length() == 2 ? Language.of(tag) : Optional.empty();
  }

  /**
   * {@code values} plus what every customer page takes from its language: {@code lang} (also the language of the
   * catalogue texts, see {@link Html}) and {@code messages}, the texts of its modules ({@code texts}) as JSON (read by
   * {@code i18n.js}).
   */
  static Map<String, String> values(Map<String, String> values, Language language, PageTexts texts) {
    Map<String, String> all = new HashMap<>(values);
    all.put("lang", language.tag());
    JsonObject messages = new JsonObject();
    texts.groups().forEach(group -> Messages.catalogue().withPrefix(language, "js." + group + ".")
        .forEach(messages::put));
    all.put("messages", messages.encode());
    return all;
  }

  /** {@code fragments} plus {@code langSwitch}: a link to this page in each other language. */
  static Map<String, List<Html.Fragment>> withSwitch(Map<String, List<Html.Fragment>> fragments, Language language) {
    Map<String, List<Html.Fragment>> all = new HashMap<>(fragments);
    List<Html.Fragment> links = Arrays.stream(Language.values()).filter(other -> other != language)
        .map(other -> LINK.fragment(Map.of("tag", other.tag(), "name", Messages.catalogue().get(other, "lang.name"))))
        .toList();
    all.put("langSwitch", List.of(new Html.Fragment(SWITCH.render(Map.of("lang", language.tag()),
        Map.of("links", links)))));
    return all;
  }
}
