package dev.dovetail.notification.port.out;

import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageContext;

/**
 * Turns a due message and its booking into a mail: subject, plain text and HTML in the recipient's zone, the manage
 * link for customers, and an .ics attachment where the kind carries one (REQUEST for confirmations and reschedules,
 * CANCEL for cancellations). Pure and quick: runs on the event loop.
 */
public interface MessageRenderer {

  MailMessage render(MessageContext context);
}
