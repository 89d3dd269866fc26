package dev.dovetail.infra.mail;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import java.util.Map;

/**
 * One kind's three templates, {@code mail/<kind>.subject.txt}, {@code .txt} and {@code .html} (HTML-escaped, with the
 * shared partials), compiled when loaded so that a broken one stops the hub at start-up; and the mail they render.
 */
record MailTemplates(Template subject, Template text, Template html) {

  private static final String ROOT = "mail/";

  static MailTemplates load(MessageKind kind) {
    String name = TemplateMessageRenderer.fileName(kind);
    Mustache.Compiler htmlCompiler = Mustache.compiler().withEscaper(Escapers.HTML)
        .withLoader(partial -> TemplateMessageRenderer.reader(ROOT + partial + ".html"));
    Mustache.Compiler textCompiler = Mustache.compiler().withEscaper(Escapers.NONE);
    return new MailTemplates(textCompiler.compile(TemplateMessageRenderer.read(ROOT + name + ".subject.txt")),
        textCompiler.compile(TemplateMessageRenderer.read(ROOT + name + ".txt")),
        htmlCompiler.compile(TemplateMessageRenderer.read(ROOT + name + ".html")));
  }

  /** The mail for {@code message} from {@code values} (which gain the one-line subject), without attachment. */
  MailMessage render(OutboundMessage message, Map<String, Object> values) {
    String title = subject.execute(values).replaceAll("[\\r\\n]+", " ").strip();
    values.put("subject", title);
    return new MailMessage(message.id(), message.recipient(), null, title, text.execute(values), html.execute(values),
        null, null);
  }
}
