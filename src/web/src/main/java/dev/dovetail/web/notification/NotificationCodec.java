package dev.dovetail.web.notification;

import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.web.codec.TimeCodec;
import io.vertx.core.json.JsonObject;

/**
 * Outbox messages as the provider sees them: kind, recipient, state (PENDING, SENT, FAILED, SKIPPED), when due, how
 * many attempts, the last error (or why it was skipped), and for one message the rendered mail when the local sink
 * kept it.
 */
public final class NotificationCodec {

  private NotificationCodec() {}

  public static JsonObject toJson(OutboundMessage m) {
    return new JsonObject()
        .put("id", m.id())
        .put("bookingId", m.bookingId())
        .put("bookingSequence", m.bookingSequence())
        .put("kind", m.kind().name())
        .put("reminderMinutes", m.reminderLead() == null ? null : m.reminderLead().toMinutes())
        .put("recipient", m.recipient())
        .put("state", m.state().name())
        .put("dueAt", m.dueAt().toString())
        .put("nextAttemptAt", m.state().isFinal() ? null : m.nextAttemptAt().toString())
        .put("attempts", m.attempts())
        .put("lastError", m.lastError())
        .put("sentAt", TimeCodec.instantText(m.sentAt()))
        .put("createdAt", m.createdAt().toString());
  }

  /** A listed message with its booking's customer name and start (null when unknown). */
  public static JsonObject item(NotificationLog.Item item) {
    return toJson(item.message())
        .put("customerName", item.customerName())
        .put("bookingStart", TimeCodec.instantText(item.bookingStart()));
  }

  public static JsonObject entry(NotificationLog.Entry entry) {
    MailMessage mail = entry.content();
    JsonObject content = mail == null ? null : new JsonObject()
        .put("to", mail.to())
        .put("replyTo", mail.replyTo())
        .put("subject", mail.subject())
        .put("text", mail.text())
        .put("html", mail.html())
        .put("ics", mail.ics())
        .put("icsMethod", mail.icsMethod());
    return new JsonObject().put("notification", toJson(entry.message())).put("content", content);
  }
}
