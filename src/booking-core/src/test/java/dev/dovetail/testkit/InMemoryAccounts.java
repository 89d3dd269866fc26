package dev.dovetail.testkit;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.domain.Credential;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.CredentialRepository;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reference adapters for accounts and machine credentials. */
public final class InMemoryAccounts {

  private InMemoryAccounts() {}

  public static class Accounts implements AccountRepository {
    private final Map<String, Account> byLogin = new ConcurrentHashMap<>();

    @Override
    public Future<Void> insert(Account account) {
      return byLogin.putIfAbsent(account.login(), account) == null
          ? Future.succeededFuture()
          : Future.failedFuture(new ConflictException("an account with this e-mail exists"));
    }

    @Override
    public Future<Optional<Account>> findByLogin(String login) {
      return Future.succeededFuture(Optional.ofNullable(byLogin.get(login)));
    }

    @Override
    public Future<List<Account>> findByProvider(String providerId) {
      return Future.succeededFuture(byLogin.values().stream().filter(a -> a.providerId().equals(providerId)).toList());
    }

    @Override
    public Future<Void> update(Account account) {
      return byLogin.replace(account.login(), account) != null
          ? Future.succeededFuture()
          : Future.failedFuture(new NotFoundException("account", account.login()));
    }

    @Override
    public Future<Boolean> replacePassword(String login, String expectedHash, String newHash) {
      Account current = byLogin.get(login);
      return Future.succeededFuture(current != null && current.passwordHash().equals(expectedHash)
          && byLogin.replace(login, current, new Account(login, current.providerId(), newHash,
              current.calDavPasswordLogin())));
    }
  }

  public static class Credentials implements CredentialRepository {
    private final Map<String, Credential> byId = new ConcurrentHashMap<>();

    @Override
    public Future<Void> insert(Credential credential) {
      return byId.putIfAbsent(credential.id(), credential) == null
          ? Future.succeededFuture()
          : Future.failedFuture(new ConflictException("credential id exists"));
    }

    @Override
    public Future<Optional<Credential>> findById(String id) {
      return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Future<Page<Credential>> listByProvider(String providerId, Credential.Kind kind, PageRequest page) {
      return Future.succeededFuture(InMemoryPages.page(
          byId.values().stream().filter(c -> c.providerId().equals(providerId) && c.kind() == kind),
          Credential::id, page));
    }

    @Override
    public Future<Boolean> delete(String providerId, String id) {
      Credential existing = byId.get(id);
      return Future.succeededFuture(
          existing != null && existing.providerId().equals(providerId) && byId.remove(id, existing));
    }
  }
}
