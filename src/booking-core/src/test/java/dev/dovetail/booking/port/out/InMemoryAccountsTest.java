package dev.dovetail.booking.port.out;

import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.CredentialRepository;
import dev.dovetail.testkit.InMemoryAccounts;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("InMemoryAccounts honours the account repository contract")
class InMemoryAccountsTest implements AccountRepositoryContract {

  private AccountRepository accounts;
  private CredentialRepository credentials;

  @BeforeEach
  void setUp() {
    accounts = new InMemoryAccounts.Accounts();
    credentials = new InMemoryAccounts.Credentials();
  }

  @Override
  public AccountRepository accounts() {
    return accounts;
  }

  @Override
  public CredentialRepository credentials() {
    return credentials;
  }
}
