package dev.dovetail.infra.mongo;

import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.CredentialRepository;
import dev.dovetail.booking.port.out.AccountRepositoryContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Mongo account and credential repositories on the embedded server")
class MongoAccountsIT extends StoreIT implements AccountRepositoryContract {

  @Override
  public AccountRepository accounts() {
    return store.accounts();
  }

  @Override
  public CredentialRepository credentials() {
    return store.credentials();
  }
}
