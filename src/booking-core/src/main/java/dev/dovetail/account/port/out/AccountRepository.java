package dev.dovetail.account.port.out;

import dev.dovetail.account.domain.Account;
import io.vertx.core.Future;
import java.util.Optional;

public interface AccountRepository {

  /** Fails with a ConflictException if the login is taken. */
  Future<Void> insert(Account account);

  Future<Optional<Account>> findByLogin(String login);
}
