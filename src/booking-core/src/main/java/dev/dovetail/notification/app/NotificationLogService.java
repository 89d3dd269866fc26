package dev.dovetail.notification.app;

import dev.dovetail.booking.domain.NotFoundException;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.notification.port.out.MailArchive;
import dev.dovetail.notification.port.out.OutboxRepository;
import io.vertx.core.Future;

/**
 * The provider's view of the outbox, and of the local sink's rendered mails; never the content of a mail that is a
 * credential itself ({@link dev.dovetail.notification.domain.MessageKind#carriesSecret()}).
 */
public class NotificationLogService implements NotificationLog {

  private final OutboxRepository outbox;
  private final MailArchive archive;

  public NotificationLogService(OutboxRepository outbox, MailArchive archive) {
    this.outbox = outbox;
    this.archive = archive;
  }

  @Override
  public Future<Page<OutboundMessage>> list(String providerId, PageRequest page) {
    return outbox.listByProvider(providerId, page);
  }

  @Override
  public Future<Figures> figures(String providerId) {
    return outbox.countByProvider(providerId).map(c -> new Figures(c.get(MessageState.SENT),
        c.get(MessageState.FAILED), c.get(MessageState.PENDING), c.get(MessageState.SKIPPED)));
  }

  @Override
  public Future<Entry> get(String providerId, String messageId) {
    return outbox.findById(messageId)
        .map(found -> found.filter(m -> m.providerId().equals(providerId))
            .orElseThrow(() -> new NotFoundException("notification", messageId)))
        .compose(message -> message.kind().carriesSecret()
            ? Future.succeededFuture(new Entry(message, null))
            : archive.find(message.id()).map(content -> new Entry(message, content.orElse(null))));
  }
}
