package dev.dovetail.infra.mail;

import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.port.out.MailArchive;
import dev.dovetail.notification.port.out.Mailer;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default when no SMTP host is configured: "sending" keeps the rendered mail in the store ({@link
 * MailArchive}), where the provider reads it through {@code GET /api/v1/notifications/{id}}, and logs one line per
 * mail. Nothing leaves the machine.
 */
public final class StoreSinkMailer implements Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(StoreSinkMailer.class);

  private final MailArchive archive;
  private final Clock clock;

  public StoreSinkMailer(MailArchive archive, Clock clock) {
    this.archive = archive;
    this.clock = clock;
  }

  @Override
  public Future<Void> send(MailMessage message) {
    return archive.keep(message, clock.instant())
        .onSuccess(v -> LOG.info("mail kept in the local sink (no SMTP configured): {} to {}: {}",
            message.messageId(), message.to(), message.subject()));
  }
}
