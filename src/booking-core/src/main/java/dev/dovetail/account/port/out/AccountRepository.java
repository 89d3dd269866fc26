package dev.dovetail.account.port.out;

import dev.dovetail.account.domain.Account;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

public interface AccountRepository {

  /** Fails with a ConflictException if the login is taken. */
  Future<Void> insert(Account account);

  Future<Optional<Account>> findByLogin(String login);

  /** The provider's accounts (a handful), in no particular order. */
  Future<List<Account>> findByProvider(String providerId);

  /** Replaces the stored account with the same login; fails with a NotFoundException if there is none. */
  Future<Void> update(Account account);

  /**
   * Sets the account's password hash to {@code newHash} only if it is still {@code expectedHash} (compare-and-set):
   * true if it was, false if the login is unknown or the password changed meanwhile. Two uses of one reset link, or a
   * reset racing a password change, so change the password once.
   */
  Future<Boolean> replacePassword(String login, String expectedHash, String newHash);
}
