package dev.dovetail.infra.mongo;

import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.CredentialRepository;
import dev.dovetail.booking.port.out.AccountRepositoryContract;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Mongo account and credential repositories on the embedded server")
class MongoAccountsIT implements AccountRepositoryContract {

  private MongoStore store;

  @BeforeEach
  void connect(Vertx vertx, VertxTestContext ctx) {
    MongoFixture.connect(vertx, MongoFixture.freshDatabase()).onComplete(ctx.succeeding(s -> {
      store = s;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    store.close().onComplete(ctx.succeedingThenComplete());
  }

  @Override
  public AccountRepository accounts() {
    return store.accounts();
  }

  @Override
  public CredentialRepository credentials() {
    return store.credentials();
  }
}
