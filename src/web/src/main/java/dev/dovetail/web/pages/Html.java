package dev.dovetail.web.pages;

import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.kernel.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Page templates: HTML files on the class path under {@code pages/} with {@code {{name}}} placeholders, each filled
 * with an HTML-escaped value (safe in text and in double-quoted attributes). No logic in templates; pages are shells
 * that the ES modules under {@code /assets/} enhance. Every shell whose module shows days or times carries the hub's
 * "now" as {@code <body data-now="...">} ({@link #withNow}): the modules take "today" from it, never from the visitor's
 * device (docs/adr/0030-the-hubs-clock-is-the-pages-clock.md). A placeholder with a dot, {@code {{page.book.about}}},
 * is a text of the message catalogue in the page's language (the value {@code lang}, English without it; ADR 62),
 * its {@code {name}}s filled from the page's values, then escaped.
 */
final class Html {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z.]*)}}");

  private final String template;

  private Html(String template) {
    this.template = template;
  }

  /** Loads {@code pages/<name>} from the class path; fails at start-up (not per request) when it is missing. */
  static Html load(String name) {
    String path = "pages/" + name;
    try (InputStream in = Html.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("page template missing from the class path: " + path);
      }
      return new Html(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Markup rendered from a template ({@link #fragment}), the only HTML a page takes unescaped. */
  record Fragment(String html) {}

  /** The page with every placeholder replaced by its escaped value; an unknown placeholder is a bug and throws. */
  String render(Map<String, String> values) {
    return render(values, Map.of());
  }

  /**
   * The page with each placeholder replaced by its escaped value, or by the named list of rendered fragments (a
   * repeated part, such as the rows of a list), joined.
   */
  String render(Map<String, String> values, Map<String, List<Fragment>> lists) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = name.indexOf('.') > 0
          ? Messages.catalogue().get(Language.orEnglish(values.get("lang")), name, values) : values.get(name);
      List<Fragment> list = lists.get(name);
      if (value == null && list == null) {
        throw new IllegalStateException("no value for placeholder " + name);
      }
      String replacement = value != null ? escape(value)
          : list.stream().map(Fragment::html).collect(Collectors.joining("\n"));
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** This template as a fragment of a page, its values escaped. */
  Fragment fragment(Map<String, String> values) {
    return new Fragment(render(values));
  }

  /** {@code values} plus {@code now}: the hub's current instant, ISO-8601 in UTC with milliseconds. */
  static Map<String, String> withNow(Map<String, String> values, Clock clock) {
    Map<String, String> all = new HashMap<>(values);
    all.put("now", clock.instant().toString());
    return all;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
