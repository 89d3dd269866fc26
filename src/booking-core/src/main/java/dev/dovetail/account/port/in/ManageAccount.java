package dev.dovetail.account.port.in;

import dev.dovetail.booking.domain.EmbedOrigins;
import dev.dovetail.booking.domain.Provider;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.List;

/**
 * A provider's own account: its name and time zone, its password (changed by who knows the current one), and a
 * reset link by mail for whoever forgot theirs.
 */
public interface ManageAccount {

  /** Sets the provider's display name and time zone; the handle and e-mail address stay. */
  Future<Provider> updateProfile(String providerId, String displayName, ZoneId zone);

  /**
   * Replaces the origins that may frame the provider's public booking pages (ADR 45). Fails with an {@code
   * InvalidRequestException} naming the first origin that is not one exact {@code https://host[:port]}, or when there
   * are more than {@link EmbedOrigins#MAX}; nothing is stored then.
   */
  Future<EmbedOrigins> setEmbedOrigins(String providerId, List<String> origins);

  /** The provider's own password, given the current one; fails with {@link WrongPasswordException} otherwise. */
  Future<Void> changePassword(String providerId, String currentPassword, String newPassword);

  /**
   * Mails a reset link to {@code email} if it is an account's login; succeeds the same way if it is not, so the caller
   * cannot learn which addresses have accounts. At most one mail per account per few minutes.
   */
  Future<Void> requestPasswordReset(String email);

  /**
   * Sets a new password with a reset link's token. Fails with {@link ResetLinkInvalidException} if the token is
   * malformed, forged, expired, already used, or older than the account's current password.
   */
  Future<Void> resetPassword(String token, String newPassword);
}
