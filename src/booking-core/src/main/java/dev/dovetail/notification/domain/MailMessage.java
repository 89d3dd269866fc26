package dev.dovetail.notification.domain;

import java.util.Objects;

/**
 * A rendered mail: plain text and HTML bodies, and optionally an iCalendar attachment ({@code ics}, sent as {@code
 * text/calendar; method=<icsMethod>}). {@code messageId} is the outbox message it renders, also used for the mail's
 * Message-ID header so a re-sent copy is recognisable. {@code replyTo} may be null. {@code senderName}: the display
 * name the mail is sent under (a customer's mail carries its provider's name, ADR 57); null: the hub's own.
 */
public record MailMessage(
    String messageId, String to, String replyTo, String subject, String text, String html, String ics,
    String icsMethod, String senderName) {

  public MailMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    if ((ics == null) != (icsMethod == null)) {
      throw new IllegalArgumentException("an .ics attachment needs its METHOD, and only then");
    }
  }

  /** A mail under the hub's own sender name. */
  public MailMessage(String messageId, String to, String replyTo, String subject, String text, String html, String ics,
      String icsMethod) {
    this(messageId, to, replyTo, subject, text, html, ics, icsMethod, null);
  }

  public boolean hasCalendar() {
    return ics != null;
  }
}
