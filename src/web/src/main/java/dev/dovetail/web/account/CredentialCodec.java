package dev.dovetail.web.account;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.account.port.in.ManageCredentials;
import io.vertx.core.json.JsonObject;

/** API tokens and app passwords as JSON; only an issue answer ever contains the secret. */
public final class CredentialCodec {

  private CredentialCodec() {}

  public static JsonObject toJson(Credential credential) {
    return new JsonObject()
        .put("id", credential.id())
        .put("label", credential.label())
        .put("createdAt", credential.createdAt().toString());
  }

  public static JsonObject issued(ManageCredentials.Issued issued) {
    return toJson(issued.credential()).put("secret", issued.secret());
  }
}
