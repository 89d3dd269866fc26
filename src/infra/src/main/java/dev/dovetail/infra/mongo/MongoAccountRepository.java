package dev.dovetail.infra.mongo;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Dashboard accounts in the {@code accounts} collection, keyed by login (the normalised e-mail address). */
public class MongoAccountRepository implements AccountRepository {

  public static final String COLLECTION = "accounts";

  private final MongoSupport mongo;
  private final KeyedCollection<Account> accounts;

  MongoAccountRepository(MongoSupport mongo) {
    this.mongo = mongo;
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

  @Override
  public Future<List<Account>> findByProvider(String providerId) {
    return accounts.list(new JsonObject().put("providerId", providerId), PageRequest.first(PageRequest.MAX_LIMIT))
        .map(Page::items);
  }

  @Override
  public Future<Void> update(Account account) {
    return accounts.replace(account, () -> new NotFoundException("account", account.login()));
  }

  /** One conditional update: the filter names the login and the hash the caller read. */
  @Override
  public Future<Boolean> replacePassword(String login, String expectedHash, String newHash) {
    return mongo.durable(mongo.client.updateCollection(COLLECTION,
            new JsonObject().put("_id", login).put("passwordHash", expectedHash),
            new JsonObject().put("$set", new JsonObject().put("passwordHash", newHash)))
        .map(result -> result.getDocMatched() == 1));
  }
}
