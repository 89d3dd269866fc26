package dev.dovetail.infra.mongo;

import dev.dovetail.account.domain.Credential;
import io.vertx.core.json.JsonObject;

/** {@code {_id, providerId, kind, label, secretHash, createdAt}}; only the SHA-256 of the secret is stored. */
final class CredentialCodec {

  private CredentialCodec() {}

  static JsonObject encode(Credential c) {
    return new JsonObject()
        .put("_id", c.id())
        .put("providerId", c.providerId())
        .put("kind", c.kind().name())
        .put("label", c.label())
        .put("secretHash", c.secretHash())
        .put("createdAt", c.createdAt().toEpochMilli());
  }

  static Credential decode(JsonObject doc) {
    return new Credential(doc.getString("_id"), doc.getString("providerId"),
        Credential.Kind.valueOf(doc.getString("kind")), doc.getString("label"), doc.getString("secretHash"),
        MongoSupport.requiredInstant(doc, "createdAt"));
  }
}
