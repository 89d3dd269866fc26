package dev.dovetail.infra.mongo;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.booking.domain.ConflictException;
import io.vertx.core.Future;
import java.util.Optional;

/** Dashboard accounts in the {@code accounts} collection, keyed by login (the normalised e-mail address). */
public class MongoAccountRepository implements AccountRepository {

  public static final String COLLECTION = "accounts";

  private final KeyedCollection<Account> accounts;

  MongoAccountRepository(MongoSupport mongo) {
    this.accounts = new KeyedCollection<>(mongo, COLLECTION, AccountCodec::encode, AccountCodec::decode,
        Account::login);
  }

  @Override
  public Future<Void> insert(Account account) {
    return accounts.insert(account, () -> new ConflictException("an account with this e-mail exists"));
  }

  @Override
  public Future<Optional<Account>> findByLogin(String login) {
    return accounts.findById(login);
  }
}
