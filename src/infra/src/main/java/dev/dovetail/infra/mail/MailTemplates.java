package dev.dovetail.infra.mail;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
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
 * case with dashes, e.g. {@code provider-new-booking}.
 */
record MailTemplates(Template subject, Template text, Template html) {

  static final String ROOT = "mail/";

  /** The kind's templates from {@code mail/} on the class path. */
  static MailTemplates load(MessageKind kind) {
    return load(ROOT, kind);
  }

  /** The kind's templates from the class-path folder {@code root} (ending in '/'). */
  static MailTemplates load(String root, MessageKind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    Mustache.Compiler html = Mustache.compiler().withEscaper(Escapers.HTML)
        .withLoader(partial -> reader(root + partial + ".html"));
    Mustache.Compiler text = Mustache.compiler().withEscaper(Escapers.NONE)
        .withLoader(partial -> reader(root + partial + ".txt"));
    return new MailTemplates(text.compile(read(root + name + ".subject.txt")), text.compile(read(root + name + ".txt")),
        html.compile(read(root + name + ".html")));
  }

  /** The mail for {@code message} from {@code values} (which gain the one-line subject), without attachment. */
  MailMessage render(OutboundMessage message, Map<String, Object> values) {
    return render(message, values, null, null, null);
  }

  /** The same with a reply-to address and an .ics attachment of {@code method} (each null for none). */
  MailMessage render(OutboundMessage message, Map<String, Object> values, String replyTo, String ics, String method) {
    String title = subject.execute(values).replaceAll("[\\r\\n]+", " ").strip();
    values.put("subject", title);
    return new MailMessage(message.id(), message.recipient(), replyTo, title, text.execute(values),
        html.execute(values), ics, method);
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

  private static Reader reader(String resource) {
    InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("mail template missing from the class path: " + resource);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
