package dev.dovetail.web.auth;

import dev.dovetail.account.domain.Principal;
import dev.dovetail.account.port.in.ManageAccount;
import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The provider's own account: {@code PATCH /api/v1/me} (display name, time zone), {@code PUT /api/v1/me/password}
 * (dashboard sessions only, with the current password), and the open {@code POST /api/v1/auth/password-reset-request}
 * and {@code POST /api/v1/auth/password-reset} of the forgotten-password pages.
 */
public final class AccountHandler {

  private final ManageAccount account;
  private final ProviderPayments payments;

  public AccountHandler(ManageAccount account, ProviderPayments payments) {
    this.account = account;
    this.payments = payments;
  }

  public void updateMe(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    Principal principal = Caller.principal(ctx);
    Responses.respond(ctx, account.updateProfile(principal.providerId(), body.getString("displayName"),
            TimeCodec.zone(body.getString("timeZone"), "timeZone")), 200,
        provider -> MeHandler.toJson(provider, principal, payments));
  }

  public void changePassword(RoutingContext ctx) {
    Principal principal = Caller.principal(ctx);
    if (principal.via() != Principal.Via.SESSION) {
      ctx.fail(ApiProblem.forbidden("session-required",
          "the password can only be changed from a dashboard session, not with an API token"));
      return;
    }
    JsonObject body = Requests.body(ctx);
    account.changePassword(principal.providerId(), body.getString("currentPassword"), body.getString("newPassword"))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /** Always the same answer for a well-formed address, whether it has an account or not. */
  public void requestPasswordReset(RoutingContext ctx) {
    Responses.respond(ctx, account.requestPasswordReset(Requests.body(ctx).getString("email")), 202,
        v -> new JsonObject().put("status", "If this address has an account, a reset link is on its way."));
  }

  public void resetPassword(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    account.resetPassword(body.getString("token"), body.getString("password"))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
