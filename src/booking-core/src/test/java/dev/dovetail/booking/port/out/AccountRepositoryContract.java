package dev.dovetail.booking.port.out;

import static dev.dovetail.booking.port.out.ContractFixtures.credential;
import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.domain.Credential;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.CredentialRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the {@link AccountRepository} and {@link CredentialRepository} must do, tenant scoping above all. */
@ExtendWith(VertxExtension.class)
public interface AccountRepositoryContract {

  AccountRepository accounts();

  CredentialRepository credentials();

  @Test
  @DisplayName("accounts: insert then findByLogin reads back; unknown logins are empty")
  default void accountRoundTrip(VertxTestContext ctx) {
    Account account = new Account(id("user") + "@example.com", id("prov"), "$2a$12$abcdefghijklmnopqrstuv");
    accounts().insert(account)
        .compose(v -> Future.all(accounts().findByLogin(account.login()), accounts().findByLogin("nobody@x.org")))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<Optional<Account>>resultAt(0)).contains(account);
          assertThat(found.<Optional<Account>>resultAt(1)).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("accounts: a taken login fails with a ConflictException and keeps the first account")
  default void accountDuplicateLoginIsConflict(VertxTestContext ctx) {
    Account first = new Account(id("user") + "@example.com", id("prov"), "hash-1");
    Account second = new Account(first.login(), id("prov"), "hash-2");
    accounts().insert(first)
        .compose(v -> failureOf(accounts().insert(second)))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ConflictException.class));
          return accounts().findByLogin(first.login());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(first);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("accounts: replacePassword sets the hash only while it is still the expected one")
  default void replacePasswordIsCompareAndSet(VertxTestContext ctx) {
    Account account = new Account(id("user") + "@example.com", id("prov"), "hash-1").withCalDavPasswordLogin(false);
    accounts().insert(account)
        .compose(v -> accounts().replacePassword(account.login(), "hash-1", "hash-2"))
        .compose(first -> accounts().replacePassword(account.login(), "hash-1", "hash-3").map(second -> {
          ctx.verify(() -> assertThat(List.of(first, second)).containsExactly(true, false));
          return second;
        }))
        .compose(v -> accounts().replacePassword("nobody@example.com", "hash-1", "hash-4"))
        .compose(unknown -> {
          ctx.verify(() -> assertThat(unknown).isFalse());
          return accounts().findByLogin(account.login());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(new Account(account.login(), account.providerId(), "hash-2", false));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("accounts: findByProvider lists only that provider's; update replaces the CalDAV switch; unknown is 404")
  default void accountsByProviderAndUpdate(VertxTestContext ctx) {
    String provider = id("prov");
    Account mine = new Account(id("user") + "@example.com", provider, "hash-1");
    Account theirs = new Account(id("user") + "@example.com", id("prov"), "hash-2");
    Account stranger = new Account(id("user") + "@example.com", provider, "hash-3");
    accounts().insert(mine)
        .compose(v -> accounts().insert(theirs))
        .compose(v -> accounts().update(mine.withCalDavPasswordLogin(false)))
        .compose(v -> failureOf(accounts().update(stranger)))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(NotFoundException.class));
          return accounts().findByProvider(provider);
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).containsExactly(mine.withCalDavPasswordLogin(false));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("credentials: insert then findById reads back every field; a duplicate id is a conflict")
  default void credentialRoundTripAndDuplicate(VertxTestContext ctx) {
    Credential token = credential(id("prov"), Credential.Kind.API_TOKEN);
    Credential clash = new Credential(token.id(), id("prov"), Credential.Kind.APP_PASSWORD, "other", "hash",
        token.createdAt());
    credentials().insert(token)
        .compose(v -> credentials().findById(token.id()))
        .compose(found -> {
          ctx.verify(() -> assertThat(found).contains(token));
          return failureOf(credentials().insert(clash));
        })
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ConflictException.class));
          return credentials().findById(token.id());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(token);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("credentials: listByProvider pages one provider's credentials of one kind, each exactly once")
  default void credentialListPaginatesByProviderAndKind(VertxTestContext ctx) {
    String provider = id("prov");
    List<Credential> tokens = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      tokens.add(credential(provider, Credential.Kind.API_TOKEN));
    }
    List<Credential> noise = List.of(credential(provider, Credential.Kind.APP_PASSWORD),
        credential(id("prov"), Credential.Kind.API_TOKEN));
    Future<Void> inserts = Future.succeededFuture();
    for (Credential c : concat(tokens, noise)) {
      inserts = inserts.compose(v -> credentials().insert(c));
    }
    inserts.compose(v -> CatalogRepositoryContract.walk(
            page -> credentials().listByProvider(provider, Credential.Kind.API_TOKEN, page), 4))
        .compose(all -> {
          ctx.verify(() -> assertThat(all).containsExactlyElementsOf(
              tokens.stream().sorted(Comparator.comparing(Credential::id)).toList()));
          return CatalogRepositoryContract.walk(
              page -> credentials().listByProvider(provider, Credential.Kind.APP_PASSWORD, page), 4);
        })
        .onComplete(ctx.succeeding(appPasswords -> ctx.verify(() -> {
          assertThat(appPasswords).containsExactly(noise.get(0));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("credentials: delete is scoped to the tenant: another provider cannot delete it, the owner can")
  default void credentialDeleteIsScopedToTenant(VertxTestContext ctx) {
    String owner = id("prov");
    String intruder = id("prov");
    Credential token = credential(owner, Credential.Kind.APP_PASSWORD);
    credentials().insert(token)
        .compose(v -> credentials().delete(intruder, token.id()))
        .compose(deleted -> {
          ctx.verify(() -> assertThat(deleted).isFalse());
          return credentials().findById(token.id());
        })
        .compose(found -> {
          ctx.verify(() -> assertThat(found).contains(token));
          return credentials().delete(owner, token.id());
        })
        .compose(deleted -> {
          ctx.verify(() -> assertThat(deleted).isTrue());
          return credentials().delete(owner, token.id());
        })
        .compose(again -> {
          ctx.verify(() -> assertThat(again).isFalse());
          return credentials().findById(token.id());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).isEmpty();
          ctx.completeNow();
        })));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
