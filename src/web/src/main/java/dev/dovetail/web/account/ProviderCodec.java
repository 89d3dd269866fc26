package dev.dovetail.web.account;

import dev.dovetail.account.port.in.RegisterProvider;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.web.codec.TimeCodec;
import io.vertx.core.json.JsonObject;

/** Providers (tenants) and sign-up requests as JSON; a provider's id is its public handle. */
public final class ProviderCodec {

  private ProviderCodec() {}

  public static JsonObject toJson(Provider provider) {
    return new JsonObject()
        .put("handle", provider.id())
        .put("displayName", provider.displayName())
        .put("email", provider.email())
        .put("timeZone", provider.zone().getId())
        .put("createdAt", provider.createdAt().toString());
  }

  public static RegisterProvider.Registration registration(JsonObject json) {
    return new RegisterProvider.Registration(
        json.getString("handle"),
        json.getString("displayName"),
        json.getString("email"),
        json.getString("password"),
        TimeCodec.zone(json.getString("timeZone"), "timeZone"));
  }
}
