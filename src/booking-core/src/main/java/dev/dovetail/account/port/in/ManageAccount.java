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
   * A change of the provider's brand colour and language (ADR 57): {@code setColour} false keeps the colour, true sets
   * {@code colour} ({@code #rrggbb}, any case; null: the hub's own); a null {@code language} keeps the language.
   */
  record BrandChange(boolean setColour, String colour, String language) {

    /** Keeps both. */
    public static BrandChange none() {
      return new BrandChange(false, null, null);
    }
  }

  /**
   * Sets the display name, time zone, and the brand colour and language as {@code brand} says, in one write; any bad
   * value fails the whole change with an {@code InvalidRequestException} naming it, and nothing is stored.
   */
  Future<Provider> updateProfile(String providerId, String displayName, ZoneId zone, BrandChange brand);

  /**
   * Makes {@code image} the provider's logo (ADR 57): PNG, JPEG or WebP by its first bytes, at most 200 kB, sides 16 to
   * 2048 px; otherwise an {@code InvalidRequestException} naming the reason, and nothing is stored.
   */
  Future<Provider> setLogo(String providerId, byte[] image);

  /** Removes the provider's logo; the pages then show its name alone. */
  Future<Provider> removeLogo(String providerId);

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
