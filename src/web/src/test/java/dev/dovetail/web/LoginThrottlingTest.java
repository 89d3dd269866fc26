package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.app.AccountService;
import dev.dovetail.account.app.LoginThrottle;
import dev.dovetail.account.port.out.PasswordHasher;
import dev.dovetail.infra.security.BcryptPasswordHasher;
import dev.dovetail.testkit.InMemoryAccounts;
import dev.dovetail.testkit.InMemoryCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, item 3: password logins are throttled per account (whatever spelling of the login), unknown logins cost
 * the same bcrypt work, and sign-up does not say whether an e-mail address has an account.
 */
@ExtendWith(VertxExtension.class)
class LoginThrottlingTest {

  private ApiFixture api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiFixture.start(vertx);
    api.tenant("alice");
  }

  private HttpResponse<Buffer> login(String login, String password) {
    return api.post("/api/v1/auth/login", new JsonObject().put("login", login).put("password", password));
  }

  @Test
  @DisplayName("failures under any spelling of one account (case, spaces, handle) count together; then 429 even for "
      + "the right password, until the back-off has passed")
  void backOffPerNormalisedAccount() {
    String[] spellings = {"alice@example.com", " ALICE@example.com", "alice", "Alice ", "alice@EXAMPLE.com"};
    for (String spelling : spellings) {
      expectProblem(401, login(spelling, "wrong password " + spelling));
    }
    expectProblem(401, login("alice", "one wrong password too many"));
    HttpResponse<Buffer> locked = login("alice@example.com", ApiFixture.PASSWORD);
    assertThat(expectProblem(429, locked).getString("detail")).contains("failed logins");
    assertThat(locked.getHeader("Retry-After")).isEqualTo("1");
    api.clock.advance(Duration.ofSeconds(1));
    assertThat(login("alice", ApiFixture.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("an unknown login is locked out the same way as a known one (no difference to observe)")
  void unknownLoginsAreThrottledAlike() {
    for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
      expectProblem(401, login("nobody@example.com", "a password of twelve"));
    }
    expectProblem(429, login(" NOBODY@example.com", "a password of twelve"));
  }

  @Test
  @DisplayName("every password login runs one bcrypt verification: known account, unknown e-mail, unknown handle")
  void unknownLoginsCostOneVerificationToo(Vertx vertx) {
    AtomicInteger verifications = new AtomicInteger();
    PasswordHasher bcrypt = new BcryptPasswordHasher(vertx, 4);
    PasswordHasher counting = new PasswordHasher() {
      @Override
      public Future<String> hash(String password) {
        return bcrypt.hash(password);
      }

      @Override
      public Future<Boolean> verify(String password, String hash) {
        verifications.incrementAndGet();
        return bcrypt.verify(password, hash);
      }
    };
    InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
    InMemoryAccounts.Accounts accounts = new InMemoryAccounts.Accounts();
    AccountService service = new AccountService(providers, accounts, new InMemoryAccounts.Credentials(), counting,
        api.clock);
    service.register(new dev.dovetail.account.port.in.RegisterProvider.Registration("bob", "Bob", "bob@example.com",
        ApiFixture.PASSWORD, ApiFixture.BERLIN)).await();
    for (String login : new String[] {"bob@example.com", "nobody@example.com", "no-such-handle"}) {
      int before = verifications.get();
      service.withPassword(login, "not the password").otherwiseEmpty().await();
      assertThat(verifications.get() - before).as(login).isEqualTo(1);
    }
    int before = verifications.get();
    service.withPasswordOverCalDav("bob", ApiFixture.PASSWORD).otherwiseEmpty().await();
    assertThat(verifications.get() - before).as("CalDAV password login turned off: still one verification")
        .isEqualTo(1);
  }

  @Test
  @DisplayName("sign-up with an e-mail that has an account answers like a fresh one (201) and stores nothing")
  void signUpDoesNotRevealAccounts() {
    HttpResponse<Buffer> fresh = api.signUp("carol");
    HttpResponse<Buffer> taken = api.post("/api/v1/providers", new JsonObject().put("handle", "mallory")
        .put("displayName", "Provider mallory").put("email", "ALICE@example.com").put("password", "mallory's own pw")
        .put("timeZone", "Europe/Berlin"));
    assertThat(taken.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(201);
    assertThat(taken.bodyAsJsonObject().fieldNames()).isEqualTo(fresh.bodyAsJsonObject().fieldNames());
    assertThat(api.providers.findById("mallory").await()).isEmpty();
    assertThat(api.accounts.findByLogin("alice@example.com").await().orElseThrow().providerId()).isEqualTo("alice");
    expectProblem(401, login("alice@example.com", "mallory's own pw"));
    assertThat(expectProblem(409, api.signUp("alice")).getString("detail")).as("handles are public")
        .contains("handle");
  }
}
