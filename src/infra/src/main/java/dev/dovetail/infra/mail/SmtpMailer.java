package dev.dovetail.infra.mail;

import dev.dovetail.booking.domain.PlainText;
import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.port.out.Mailer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends mail over SMTP with the Vert.x Mail client: plain text and HTML, and the .ics invitation as a {@code
 * text/calendar; method=...} attachment named {@code invite.ics} (Vert.x Mail builds multipart/mixed, which Apple
 * Calendar, Google and Outlook import). TLS modes: {@code none}, {@code starttls} (required) or {@code tls} (implicit,
 * usually port 465); AUTH when a user is configured.
 *
 * <p>Failures: a 5xx reply that refuses the message or recipient is permanent ({@link DeliveryException#permanent()});
 * 5xx replies about authentication (530, 534, 535, 538) are the operator's to fix and, like connection errors,
 * timeouts and 4xx replies, transient: the dispatcher retries them with backoff.
 */
public final class SmtpMailer implements Mailer {

  /** How the connection is secured. */
  public enum Tls {
    NONE,
    STARTTLS,
    TLS;

    public static Tls parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("DOVETAIL_SMTP_TLS must be none, starttls or tls: " + value, e);
      }
    }
  }

  /** Where and how to send; {@code user} null for no AUTH. */
  public record Settings(String host, int port, String user, String password, Tls tls, String from) {

    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(from, "from");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("SMTP port must be 1-65535: " + port);
      }
    }

    @Override
    public String toString() {
      return "SmtpMailer.Settings[" + host + ":" + port + ", tls=" + tls + ", user=" + user + ", from=" + from + "]";
    }
  }

  /** How long a connection or an unanswered command may take; the dispatcher's lease must be longer. */
  public static final int TIMEOUT_MS = 30_000;
  private static final Set<Integer> AUTH_REPLIES = Set.of(530, 534, 535, 538);

  private final MailClient client;
  private final Settings settings;

  public SmtpMailer(Vertx vertx, Settings settings) {
    this.settings = settings;
    this.client = MailClient.create(vertx, config(settings));
  }

  static MailConfig config(Settings s) {
    MailConfig config = new MailConfig()
        .setHostname(s.host())
        .setPort(s.port())
        .setStarttls(s.tls() == Tls.STARTTLS ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
        .setSsl(s.tls() == Tls.TLS)
        .setKeepAlive(true)
        .setMaxPoolSize(8)
        .setAllowRcptErrors(false)
        .setUserAgent("Dovetail");
    config.setConnectTimeout(TIMEOUT_MS);
    config.setIdleTimeout(TIMEOUT_MS);
    config.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    if (s.user() != null && !s.user().isBlank()) {
      config.setLogin(LoginOption.REQUIRED).setUsername(s.user()).setPassword(s.password());
    } else {
      config.setLogin(LoginOption.DISABLED);
    }
    return config;
  }

  @Override
  public Future<Void> send(MailMessage message) {
    String unsafe = unsafeHeader(message);
    if (unsafe != null) {
      // Validation at the edges refuses such values; a value stored before that must not forge headers either.
      return Future.failedFuture(new DeliveryException(unsafe + " holds a control character; not sent", true));
    }
    io.vertx.ext.mail.MailMessage mail = new io.vertx.ext.mail.MailMessage() // qualified: our MailMessage is the port's
        .setFrom(fromHeader(settings.from(), message.senderName()))
        .setTo(message.to())
        .setSubject(message.subject())
        .setText(message.text())
        .setHtml(message.html());
    mail.addHeader("X-Dovetail-Message", message.messageId());
    if (message.replyTo() != null) {
      mail.addHeader("Reply-To", message.replyTo());
    }
    if (message.hasCalendar()) {
      mail.setAttachment(MailAttachment.create()
          .setName("invite.ics")
          .setContentType("text/calendar; charset=UTF-8; method=" + message.icsMethod())
          .setDisposition("attachment")
          .setData(Buffer.buffer(message.ics().getBytes(StandardCharsets.UTF_8))));
    }
    Future<?> sent;
    try {
      sent = client.sendMail(mail);
    } catch (RuntimeException e) {
      return Future.failedFuture(classify(e));
    }
    return sent.<Void>mapEmpty().recover(err -> Future.failedFuture(classify(err)));
  }

  /** The first header value that could end its header line and forge another, or null when all are safe. */
  static String unsafeHeader(MailMessage message) {
    if (PlainText.hasControl(message.to())) {
      return "To";
    }
    if (message.replyTo() != null && PlainText.hasControl(message.replyTo())) {
      return "Reply-To";
    }
    if (PlainText.hasControl(message.subject())) {
      return "Subject";
    }
    if (PlainText.hasControl(message.messageId())) {
      return "X-Dovetail-Message";
    }
    return message.icsMethod() != null && PlainText.hasControl(message.icsMethod()) ? "Content-Type" : null;
  }

  /**
   * The From header: the configured sender address under {@code senderName} (a customer mail's provider, ADR 57), or
   * the configured sender as it is without one. The name loses the characters that would end it or start another
   * address; non-ASCII names are encoded by the mail client (RFC 2047).
   */
  static String fromHeader(String configured, String senderName) {
    if (senderName == null) {
      return configured;
    }
    String name = senderName.replaceAll("[\\p{Cntrl}\"<>()\\\\,;:@\\[\\]]", "").strip();
    if (name.isEmpty()) {
      return configured;
    }
    int open = configured.indexOf('<');
    int close = configured.indexOf('>', open + 1);
    String address = open >= 0 && close > open ? configured.substring(open + 1, close).strip() : configured.strip();
    return name + " <" + address + ">";
  }

  static DeliveryException classify(Throwable err) {
    for (Throwable t = err; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SMTPException smtp) {
        boolean permanent = smtp.isPermanent() && !AUTH_REPLIES.contains(smtp.getReplyCode());
        return new DeliveryException("SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage(), permanent, err);
      }
    }
    return new DeliveryException("SMTP unavailable: " + (err.getMessage() == null ? err : err.getMessage()), false,
        err);
  }

  public Future<Void> close() {
    return client.close();
  }

  @Override
  public String toString() {
    return "SmtpMailer(" + settings + ")";
  }
}
