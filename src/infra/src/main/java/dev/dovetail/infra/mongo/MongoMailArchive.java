package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.port.out.MailArchive;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Optional;

/**
 * Rendered mails of the local sink in the {@code mailSink} collection: {@code {_id: outbox message id, to, replyTo?,
 * subject, text, html, ics?, icsMethod?, keptAt}}.
 */
public class MongoMailArchive implements MailArchive {

  public static final String COLLECTION = "mailSink";

  private final MongoSupport mongo;

  MongoMailArchive(MongoSupport mongo) {
    this.mongo = mongo;
  }

  @Override
  public Future<Void> keep(MailMessage message, Instant at) {
    JsonObject doc = new JsonObject()
        .put("_id", message.messageId())
        .put("to", message.to())
        .put("replyTo", message.replyTo())
        .put("subject", message.subject())
        .put("text", message.text())
        .put("html", message.html())
        .put("ics", message.ics())
        .put("icsMethod", message.icsMethod())
        .put("senderName", message.senderName())
        .put("keptAt", at.toEpochMilli());
    return mongo.durable(mongo.client.replaceDocumentsWithOptions(COLLECTION, byId(message.messageId()), doc,
        new UpdateOptions().setUpsert(true))).mapEmpty();
  }

  @Override
  public Future<Optional<MailMessage>> find(String messageId) {
    return mongo.findOne(COLLECTION, byId(messageId), d -> new MailMessage(d.getString("_id"), d.getString("to"),
        d.getString("replyTo"), d.getString("subject"), d.getString("text"), d.getString("html"),
        d.getString("ics"), d.getString("icsMethod"), d.getString("senderName")));
  }
}
