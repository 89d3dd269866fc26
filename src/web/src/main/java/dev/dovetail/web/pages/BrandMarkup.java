package dev.dovetail.web.pages;

import dev.dovetail.booking.domain.BrandColour;
import dev.dovetail.booking.domain.LogoRef;
import dev.dovetail.booking.domain.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer page's header and brand style sheet (ADR 57): {@code {{brandHeader}}} is the provider's logo and name
 * (the hub's mark and name without a provider), {@code {{brandStyle}}} the link to the provider's colour sheet (none
 * without a colour). The colour reaches the page as a style sheet of its own, never as inline style: the pages' CSP
 * allows style sheets from the hub only (ADR 9).
 */
final class BrandMarkup {

  private static final Html HEADER = Html.load("brand-header.html");
  private static final Html LOGO = Html.load("brand-logo.html");
  private static final Html MARK = Html.load("brand-mark.html");
  private static final Html STYLE = Html.load("brand-style.html");
  static final String HUB_NAME = "Dovetail";

  private BrandMarkup() {}

  /** The fragments for {@code provider}'s pages, or the hub's own look when it is null. */
  static Map<String, List<Html.Fragment>> of(Provider provider) {
    Map<String, List<Html.Fragment>> parts = new HashMap<>();
    if (provider == null) {
      parts.put("brandHeader", List.of(header(MARK.fragment(Map.of()), HUB_NAME)));
      parts.put("brandStyle", List.of());
      return parts;
    }
    LogoRef logo = provider.brand().logo();
    Html.Fragment mark = logo == null ? MARK.fragment(Map.of()) : LOGO.fragment(Map.of("src", logo.path(provider.id()),
        "width", Integer.toString(logo.width()), "height", Integer.toString(logo.height())));
    parts.put("brandHeader", List.of(header(mark, provider.displayName())));
    BrandColour colour = provider.brand().colour();
    parts.put("brandStyle", colour == null ? List.of() : List.of(STYLE.fragment(Map.of("digits", colour.digits()))));
    return parts;
  }

  /** {@code fragments} with the brand parts of {@code provider} added. */
  static Map<String, List<Html.Fragment>> with(Map<String, List<Html.Fragment>> fragments, Provider provider) {
    Map<String, List<Html.Fragment>> all = new HashMap<>(fragments);
    all.putAll(of(provider));
    return all;
  }

  private static Html.Fragment header(Html.Fragment mark, String name) {
    return new Html.Fragment(HEADER.render(Map.of("name", name), Map.of("logo", List.of(mark))));
  }
}
