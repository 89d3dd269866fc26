package dev.dovetail.notification.port.out;

import dev.dovetail.notification.domain.MailMessage;
import io.vertx.core.Future;

/**
 * Hands a rendered mail over for delivery (an SMTP server, or the local sink). Succeeds once the mail is accepted;
 * fails with a {@link dev.dovetail.notification.domain.DeliveryException} that says whether retrying can help.
 */
public interface Mailer {

  Future<Void> send(MailMessage message);
}
