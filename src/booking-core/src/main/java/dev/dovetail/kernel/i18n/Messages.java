package dev.dovetail.kernel.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer pages' and mails' strings, one catalogue per language ({@code i18n/messages_<tag>.properties} on the
 * class path, read as UTF-8). A text may name values as {@code {name}}; {@link #get(Language, String, Map)} fills
 * them. Every key is in every catalogue ({@code MessagesTest}); an unknown key is a bug and throws.
 */
public final class Messages {

  /** A named value in a text: {@code {providerName}}. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  private static final Messages INSTANCE = new Messages("i18n/messages_");

  private final Map<Language, Map<String, String>> catalogues = new EnumMap<>(Language.class);

  Messages(String prefix) {
    for (Language language : Language.values()) {
      catalogues.put(language, load(prefix + language.tag() + ".properties"));
    }
  }

  /** The hub's catalogues, loaded once. */
  public static Messages catalogue() {
    return INSTANCE;
  }

  /** The text of {@code key} in {@code language}, placeholders left as they are. */
  public String get(Language language, String key) {
    String text = catalogues.get(language).get(key);
    if (text == null) {
      throw new IllegalArgumentException("no message " + key + " in " + language.tag());
    }
    return text;
  }

  /** The text of {@code key} in {@code language} with each {@code {name}} replaced by {@code values}' value. */
  public String get(Language language, String key, Map<String, ?> values) {
    return fill(get(language, key), values);
  }

  /** Every key starting with {@code prefix} and its text in {@code language}, sorted by key. */
  public Map<String, String> withPrefix(Language language, String prefix) {
    Map<String, String> out = new TreeMap<>();
    catalogues.get(language).forEach((key, text) -> {
      if (key.startsWith(prefix)) {
        out.put(key, text);
      }
    });
    return out;
  }

  /** The catalogue of {@code language}, read-only. */
  public Map<String, String> all(Language language) {
    return Collections.unmodifiableMap(catalogues.get(language));
  }

  /** {@code text} with each {@code {name}} that {@code values} holds replaced by its value; others stay. */
  public static String fill(String text, Map<String, ?> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 32);
    while (matcher.find()) {
      Object value = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value.toString()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Map<String, String> load(String resource) {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("message catalogue missing from the class path: " + resource);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> map = new TreeMap<>();
      properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
