package dev.dovetail.web.account;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.account.port.in.ManageCredentials;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/api-tokens} and {@code /api/v1/app-passwords} (one instance per kind): issue (the secret is shown
 * once), list without secrets, revoke.
 */
public final class CredentialsHandler {

  private final ManageCredentials credentials;
  private final Credential.Kind kind;

  public CredentialsHandler(ManageCredentials credentials, Credential.Kind kind) {
    this.credentials = credentials;
    this.kind = kind;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, credentials.list(Caller.providerId(ctx), kind, PageCodec.request(ctx)), 200,
        page -> PageCodec.toJson(page, CredentialCodec::toJson));
  }

  public void issue(RoutingContext ctx) {
    String providerId = Caller.providerId(ctx);
    Responses.respond(ctx, credentials.issue(providerId, kind, Requests.body(ctx).getString("label")), 201,
        CredentialCodec::issued);
  }

  public void revoke(RoutingContext ctx) {
    credentials.revoke(Caller.providerId(ctx), kind, Requests.path(ctx, "credentialId"))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
