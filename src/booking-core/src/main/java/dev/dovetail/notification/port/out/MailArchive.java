package dev.dovetail.notification.port.out;

import dev.dovetail.notification.domain.MailMessage;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Rendered mails kept for the provider to read (the local sink). Keyed by the outbox message id. */
public interface MailArchive {

  /** Keeps the mail (replacing an earlier copy of the same message). Durable once the future succeeds. */
  Future<Void> keep(MailMessage message, Instant at);

  Future<Optional<MailMessage>> find(String messageId);

  /** An archive that keeps nothing: mail goes out over SMTP and only its outbox entry stays. */
  static MailArchive none() {
    return new MailArchive() {
      @Override
      public Future<Void> keep(MailMessage message, Instant at) {
        return Future.succeededFuture();
      }

      @Override
      public Future<Optional<MailMessage>> find(String messageId) {
        return Future.succeededFuture(Optional.empty());
      }
    };
  }
}
