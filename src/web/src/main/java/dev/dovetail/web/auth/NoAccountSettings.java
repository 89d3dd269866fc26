package dev.dovetail.web.auth;

import dev.dovetail.account.port.in.ManageAccount;
import dev.dovetail.booking.domain.EmbedOrigins;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** For an API built without account settings (tests of other parts): every call answers 503. */
public final class NoAccountSettings implements ManageAccount {

  private static <T> Future<T> off() {
    return Future.failedFuture(new ApiProblem(503, "account-settings-unavailable", "Not available",
        "this hub was built without account settings", Map.of()));
  }

  @Override
  public Future<Provider> updateProfile(String providerId, String displayName, ZoneId zone) {
    return off();
  }

  @Override
  public Future<Provider> updateProfile(String providerId, String displayName, ZoneId zone, BrandChange brand) {
    return off();
  }

  @Override
  public Future<Provider> setLogo(String providerId, byte[] image) {
    return off();
  }

  @Override
  public Future<Provider> removeLogo(String providerId) {
    return off();
  }

  @Override
  public Future<EmbedOrigins> setEmbedOrigins(String providerId, List<String> origins) {
    return off();
  }

  @Override
  public Future<Void> changePassword(String providerId, String currentPassword, String newPassword) {
    return off();
  }

  @Override
  public Future<Void> requestPasswordReset(String email) {
    return off();
  }

  @Override
  public Future<Void> resetPassword(String token, String newPassword) {
    return off();
  }
}
