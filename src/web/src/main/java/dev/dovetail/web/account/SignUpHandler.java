package dev.dovetail.web.account;

import dev.dovetail.account.port.in.RegisterProvider;
import dev.dovetail.account.port.in.SignUpPolicy;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/providers}: sign-up of a new provider (tenant) with its first dashboard account, if the hub's
 * {@link SignUpPolicy} allows it (open; or by invitation, with an {@code invite} issued for this e-mail address).
 */
public final class SignUpHandler {

  private final RegisterProvider registration;
  private final SignUpPolicy policy;

  public SignUpHandler(RegisterProvider registration, SignUpPolicy policy) {
    this.registration = registration;
    this.policy = policy;
  }

  public void signUp(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    policy.checkSignUp(body.getString("email"), body.getString("invite"));
    var request = ProviderCodec.registration(body);
    Responses.respond(ctx, registration.register(request), 201, ProviderCodec::toJson);
  }
}
