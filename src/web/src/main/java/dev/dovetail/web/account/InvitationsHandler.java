package dev.dovetail.web.account;

import dev.dovetail.account.port.in.SignUpPolicy;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/invitations}: a provider invites someone to sign up their own provider on this hub (when
 * {@code DOVETAIL_SIGNUP=invite}). The answer carries the invitation's secret, shown once, bound to the e-mail address,
 * and the sign-up page's address with it filled in ({@code signUp.page}), to send to the invitee.
 */
public final class InvitationsHandler {

  private final SignUpPolicy policy;

  public InvitationsHandler(SignUpPolicy policy) {
    this.policy = policy;
  }

  public void issue(RoutingContext ctx) {
    SignUpPolicy.Invitation invitation =
        policy.issue(Caller.providerId(ctx), Requests.body(ctx).getString("email"));
    Responses.json(ctx, 201, new JsonObject()
        .put("email", invitation.email())
        .put("expiresAt", invitation.expiresAt().toString())
        .put("invite", invitation.token())
        .put("signUp", new JsonObject().put("method", "POST").put("path", "/api/v1/providers")
            .put("field", "invite").put("page", "/signup?invite=" + invitation.token())));
  }
}
