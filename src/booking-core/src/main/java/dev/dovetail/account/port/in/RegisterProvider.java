package dev.dovetail.account.port.in;

import dev.dovetail.booking.domain.Provider;
import io.vertx.core.Future;
import java.time.ZoneId;

/** Sign-up: a new provider (tenant) with its first dashboard account. */
public interface RegisterProvider {

  record Registration(String handle, String displayName, String email, String password, ZoneId zone) {}

  Future<Provider> register(Registration registration);
}
