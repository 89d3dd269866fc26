package dev.dovetail.infra.mail;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The one template loader of every mail renderer: one kind's three templates, {@code <root><kind>.subject.txt},
 * {@code .txt} and {@code .html} (HTML-escaped; partials {@code <root><name>.html} and {@code .txt}), compiled when
 * loaded so that a missing or broken one stops the hub at start-up; and the mail they render. Kinds are named in lower
 * case with dashes, e.g. {@code provider-new-booking}. A language other than English has its templates in {@code
 * <root><tag>/} (ADR 62); a partial without words ({@code _header}, {@code _brand}, {@code _answers}) is in {@code
 * <root>} only and shared by every language, and each mail gets {@code lang}, its language's tag (ADR 65).
 */
record MailTemplates(Template subject, Template text, Template html, Language language) {

  static final String ROOT = "mail/";

  /** The kind's templates from {@code mail/} on the class path, in English. */
  static MailTemplates load(MessageKind kind) {
    return load(ROOT, Language.EN, kind);
  }

  /** The kind's templates from the class-path folder {@code root} (ending in '/'), in English. */
  static MailTemplates load(String root, MessageKind kind) {
    return load(root, Language.EN, kind);
  }

  /**
   * The kind's templates in {@code language}: from {@code root} (ending in '/') for English, else from {@code
   * <root><tag>/}, whose partials fall back to {@code root}'s.
   */
  static MailTemplates load(String root, Language language, MessageKind kind) {
    String folder = language == Language.EN ? root : root + language.tag() + "/";
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    Mustache.Compiler html = Mustache.compiler().withEscaper(Escapers.HTML)
        .withLoader(partial -> partial(folder, root, partial + ".html"));
    Mustache.Compiler text = Mustache.compiler().withEscaper(Escapers.NONE)
        .withLoader(partial -> partial(folder, root, partial + ".txt"));
    return new MailTemplates(text.compile(read(folder + name + ".subject.txt")),
        text.compile(read(folder + name + ".txt")), html.compile(read(folder + name + ".html")), language);
  }

  /** The mail for {@code message} from {@code values} (which gain the one-line subject), without attachment. */
  MailMessage render(OutboundMessage message, Map<String, Object> values) {
    return render(message, values, null, null, null, null);
  }

  /**
   * The same with a reply-to address, an .ics attachment of {@code method} and the sender's display name (each null
   * for none).
   */
  MailMessage render(OutboundMessage message, Map<String, Object> values, String replyTo, String ics, String method,
      String senderName) {
    values.put("lang", language.tag());
    String title = subject.execute(values).replaceAll("[\\r\\n]+", " ").strip();
    values.put("subject", title);
    return new MailMessage(message.id(), message.recipient(), replyTo, title, text.execute(values),
        html.execute(values), ics, method, senderName);
  }

  private static String read(String resource) {
    try (Reader r = reader(resource)) {
      StringBuilder out = new StringBuilder();
      char[] buffer = new char[4096];
      for (int n; (n = r.read(buffer)) > 0; ) {
        out.append(buffer, 0, n);
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The partial {@code file} from {@code folder}, else (a partial shared by every language) from {@code root}. */
  private static Reader partial(String folder, String root, String file) {
    return MailTemplates.class.getClassLoader().getResource(folder + file) != null ? reader(folder + file)
        : reader(root + file);
  }

  private static Reader reader(String resource) {
    InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("mail template missing from the class path: " + resource);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
