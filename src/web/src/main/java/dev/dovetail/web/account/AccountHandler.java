package dev.dovetail.web.account;

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
import java.util.Base64;

/**
 * The provider's own account: {@code PATCH /api/v1/me} (display name, time zone, brand colour, language), {@code
 * PUT/DELETE /api/v1/me/logo}, {@code PUT /api/v1/me/password}
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

  /** {@code brandColour} absent keeps it, null clears it; {@code language} absent keeps it (ADR 57). */
  public void updateMe(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    Principal principal = Caller.principal(ctx);
    ManageAccount.BrandChange brand = new ManageAccount.BrandChange(body.containsKey("brandColour"),
        body.getString("brandColour"), body.getString("language"));
    Responses.respond(ctx, account.updateProfile(principal.providerId(), body.getString("displayName"),
            TimeCodec.zone(body.getString("timeZone"), "timeZone"), brand), 200,
        provider -> MeHandler.toJson(provider, principal, payments));
  }

  /** {@code PUT /api/v1/me/logo}: the image, base64 in {@code image}; its bytes decide what it is (ADR 57). */
  public void setLogo(RoutingContext ctx) {
    Principal principal = Caller.principal(ctx);
    byte[] image;
    try {
      image = Base64.getDecoder().decode(Requests.body(ctx).getString("image"));
    } catch (IllegalArgumentException e) {
      ctx.fail(ApiProblem.badRequest("image must be the image file in base64"));
      return;
    }
    Responses.respond(ctx, account.setLogo(principal.providerId(), image), 200,
        provider -> MeHandler.toJson(provider, principal, payments));
  }

  public void removeLogo(RoutingContext ctx) {
    Principal principal = Caller.principal(ctx);
    Responses.respond(ctx, account.removeLogo(principal.providerId()), 200,
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
