package dev.dovetail.app;

import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.MessageComposer;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The outbox dispatcher's one composer for mail that is not about a booking: each such kind goes to the composer that
 * owns it (the waitlist's mails, the broken-calendar and
 * disabled-webhook notices, the password mails); a kind nobody owns is skipped with a reason.
 */
final class OutboxComposers implements MessageComposer {

  private final Map<MessageKind, MessageComposer> byKind = new EnumMap<>(MessageKind.class);

  OutboxComposers(MessageComposer waitlistMail, MessageComposer connectionMail, MessageComposer webhookMail,
      MessageComposer passwordMail) {
    byKind.put(MessageKind.PROVIDER_PASSWORD_RESET, passwordMail);
    byKind.put(MessageKind.PROVIDER_PASSWORD_CHANGED, passwordMail);
    byKind.put(MessageKind.WAITLIST_JOINED, waitlistMail);
    byKind.put(MessageKind.WAITLIST_OFFER, waitlistMail);
    byKind.put(MessageKind.PROVIDER_CALENDAR_BROKEN, connectionMail);
    byKind.put(MessageKind.PROVIDER_WEBHOOK_DISABLED, webhookMail);
  }

  @Override
  public Future<Composition> compose(OutboundMessage message, Instant now) {
    return byKind.getOrDefault(message.kind(), MessageComposer.none()).compose(message, now);
  }
}
