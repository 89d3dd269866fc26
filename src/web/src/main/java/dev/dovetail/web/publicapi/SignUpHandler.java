package dev.dovetail.web.publicapi;

import dev.dovetail.account.port.in.RegisterProvider;
import dev.dovetail.web.codec.ProviderCodec;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/v1/providers}: sign-up of a new provider (tenant) with its first dashboard account. */
public final class SignUpHandler {

  private final RegisterProvider registration;

  public SignUpHandler(RegisterProvider registration) {
    this.registration = registration;
  }

  public void signUp(RoutingContext ctx) {
    var request = ProviderCodec.registration(Requests.body(ctx));
    Responses.respond(ctx, registration.register(request), 201, ProviderCodec::toJson);
  }
}
