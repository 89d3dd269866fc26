package dev.dovetail.testkit;

import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.port.out.MailArchive;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reference adapter of the local mail sink: rendered mails by outbox message id. */
public class InMemoryMailArchive implements MailArchive {

  private final Map<String, MailMessage> byId = new ConcurrentHashMap<>();

  @Override
  public Future<Void> keep(MailMessage message, Instant at) {
    byId.put(message.messageId(), message);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<MailMessage>> find(String messageId) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(messageId)));
  }
}
