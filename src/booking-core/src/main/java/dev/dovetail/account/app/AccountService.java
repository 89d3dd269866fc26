package dev.dovetail.account.app;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.domain.Credential;
import dev.dovetail.account.domain.Principal;
import dev.dovetail.account.port.in.Authenticate;
import dev.dovetail.account.port.in.AuthenticationException;
import dev.dovetail.account.port.in.ManageCredentials;
import dev.dovetail.account.port.in.RegisterProvider;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.CredentialRepository;
import dev.dovetail.account.port.out.PasswordHasher;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.PlainText;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Secrets;
import dev.dovetail.booking.domain.TooManyRequestsException;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Sign-up, log-in and machine credentials. Every authentication failure looks the same to the caller. */
public class AccountService implements Authenticate, ManageCredentials, RegisterProvider {

  public static final int MIN_PASSWORD_LENGTH = 12;
  /** bcrypt only reads 72 bytes; longer passwords are refused rather than silently truncated. */
  public static final int MAX_PASSWORD_LENGTH = 72;

  private final ProviderRepository providers;
  private final AccountRepository accounts;
  private final CredentialRepository credentials;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final LoginThrottle throttle;
  /** A hash of no one's password, verified when a login names no account, so that it costs the same time. */
  private volatile Future<String> decoyHash;

  public AccountService(ProviderRepository providers, AccountRepository accounts, CredentialRepository credentials,
      PasswordHasher hasher, Clock clock) {
    this(providers, accounts, credentials, hasher, clock, new LoginThrottle(clock));
  }

  /** As above, counting failed logins in {@code throttle}, which password changes share (ManageAccountService). */
  public AccountService(ProviderRepository providers, AccountRepository accounts, CredentialRepository credentials,
      PasswordHasher hasher, Clock clock, LoginThrottle throttle) {
    this.providers = providers;
    this.accounts = accounts;
    this.credentials = credentials;
    this.hasher = hasher;
    this.clock = clock;
    this.throttle = throttle;
  }

  /**
   * Refuses a new password that is shorter than {@value #MIN_PASSWORD_LENGTH} characters or longer than
   * {@value #MAX_PASSWORD_LENGTH} UTF-8 bytes (bcrypt's limit: refused, never truncated).
   */
  public static void checkNewPassword(String password, String field) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH
        || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
      throw new InvalidRequestException(
          field + " must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " bytes long");
    }
  }

  @Override
  public Future<Provider> register(Registration r) {
    return Future.<Void>succeededFuture().compose(v -> {
      if (!Ids.isSlug(r.handle())) {
        throw new InvalidRequestException("handle must be 2-63 characters of a-z, 0-9 and '-'");
      }
      checkNewPassword(r.password(), "password");
      if (!PlainText.isEmail(r.email()) || r.displayName() == null || r.displayName().isBlank()) {
        throw new InvalidRequestException("displayName and a valid email are required");
      }
      PlainText.requireNoControl(r.displayName(), "displayName");
      Provider provider = new Provider(r.handle(), r.displayName().strip(), normalise(r.email()), r.zone(),
          clock.instant());
      // Handles are public (they are in every booking link), so a taken one is said. E-mail addresses are not: a
      // taken one answers exactly like a fresh one, after the same password hash, and stores nothing (ADR 24).
      // Checked before any write so that a taken e-mail leaves no provider behind; only a race between two sign-ups
      // with the same e-mail could still leave a provider without an account, and that one has no way to log in.
      return providers.findById(provider.id())
          .compose(taken -> taken.isPresent()
              ? Future.failedFuture(new ConflictException("the handle '" + provider.id() + "' is taken"))
              : hasher.hash(r.password()))
          .compose(hash -> accounts.findByLogin(provider.email())
              .compose(existing -> existing.isPresent()
                  ? Future.<Void>succeededFuture()
                  : providers.insert(provider)
                      .compose(x -> accounts.insert(new Account(provider.email(), provider.id(), hash)))))
          .map(provider);
    });
  }

  @Override
  public Future<Principal> withPassword(String login, String password) {
    return withAccountPassword(login, password, false);
  }

  @Override
  public Future<Principal> withPasswordOverCalDav(String login, String password) {
    return withAccountPassword(login, password, true);
  }

  /**
   * One path for every password login: normalise the login and resolve a handle to its account's e-mail, refuse at
   * once while that account is locked by {@link LoginThrottle}, then always run one bcrypt verification (against a
   * decoy hash when the login names no usable account), and count the outcome against the account.
   */
  private Future<Principal> withAccountPassword(String login, String password, boolean calDav) {
    if (login == null || password == null) {
      return Future.failedFuture(new AuthenticationException());
    }
    return loginEmail(LoginThrottle.normalise(login)).compose(email -> {
      long wait = throttle.lockedFor(email);
      if (wait > 0) {
        return Future.failedFuture(new TooManyRequestsException(
            "too many failed logins for this account; try again in " + wait + " s", wait));
      }
      return accounts.findByLogin(email).compose(found -> {
        Optional<Account> usable = found.filter(account -> !calDav || account.calDavPasswordLogin());
        Future<Boolean> verified = usable.isPresent()
            ? hasher.verify(password, usable.get().passwordHash())
            : decoyHash().compose(decoy -> hasher.verify(password, decoy)).map(false);
        return verified.compose(ok -> {
          if (!ok) {
            throttle.failed(email);
            return Future.<Principal>failedFuture(new AuthenticationException());
          }
          throttle.succeeded(email);
          return Future.succeededFuture(new Principal(usable.get().providerId(), Principal.Via.SESSION));
        });
      });
    });
  }

  private Future<String> decoyHash() {
    Future<String> decoy = decoyHash;
    if (decoy == null || decoy.failed()) {
      decoy = hasher.hash("no account has this password " + Ids.randomToken(16));
      decoyHash = decoy;
    }
    return decoy;
  }

  @Override
  public Future<Boolean> calDavPasswordLogin(String providerId) {
    return accounts.findByProvider(providerId)
        .map(found -> found.stream().anyMatch(Account::calDavPasswordLogin));
  }

  @Override
  public Future<Void> setCalDavPasswordLogin(String providerId, boolean allowed) {
    return accounts.findByProvider(providerId).compose(found -> {
      Future<Void> chain = Future.succeededFuture();
      for (Account account : found) {
        if (account.calDavPasswordLogin() != allowed) {
          chain = chain.compose(v -> accounts.update(account.withCalDavPasswordLogin(allowed)));
        }
      }
      return chain;
    });
  }

  @Override
  public Future<Principal> withApiToken(String token) {
    return withSecret(token, Credential.Kind.API_TOKEN, null, Principal.Via.API_TOKEN);
  }

  @Override
  public Future<Principal> withAppPassword(String providerId, String appPassword) {
    return withSecret(appPassword, Credential.Kind.APP_PASSWORD, providerId, Principal.Via.APP_PASSWORD);
  }

  @Override
  public Future<Issued> issue(String providerId, Credential.Kind kind, String label) {
    if (label == null || label.isBlank() || label.length() > 100) {
      return Future.failedFuture(new InvalidRequestException("label is required and at most 100 characters"));
    }
    String id = Ids.random();
    String secret = Ids.randomToken(32);
    Credential credential =
        new Credential(id, providerId, kind, label.strip(), Secrets.sha256(secret), clock.instant());
    return credentials.insert(credential)
        .map(v -> new Issued(credential, kind.prefix() + "_" + id + "_" + secret));
  }

  @Override
  public Future<Page<Credential>> list(String providerId, Credential.Kind kind, PageRequest page) {
    return credentials.listByProvider(providerId, kind, page);
  }

  @Override
  public Future<Void> revoke(String providerId, Credential.Kind kind, String credentialId) {
    return credentials.findById(credentialId)
        .map(found -> found.filter(c -> c.kind() == kind && c.providerId().equals(providerId)).isPresent())
        .compose(ofThisKind -> ofThisKind ? credentials.delete(providerId, credentialId) : Future.succeededFuture(false))
        .compose(deleted -> deleted
        ? Future.succeededFuture()
        : Future.failedFuture(new NotFoundException("credential", credentialId)));
  }

  /** One logs in with the e-mail address of the account or with the provider's handle. */
  private Future<String> loginEmail(String login) {
    String normalised = normalise(login);
    if (normalised.contains("@") || !Ids.isSlug(normalised)) {
      return Future.succeededFuture(normalised);
    }
    return providers.findById(normalised).map(p -> p.map(Provider::email).orElse(normalised));
  }

  /** Secrets look like {@code <prefix>_<id>_<secret>}; the id finds the credential, the hash proves the secret. */
  private Future<Principal> withSecret(String presented, Credential.Kind kind, String providerId, Principal.Via via) {
    String[] parts = presented == null ? new String[0] : presented.split("_", 3);
    if (parts.length != 3 || !parts[0].equals(kind.prefix())) {
      return Future.failedFuture(new AuthenticationException());
    }
    return credentials.findById(parts[1]).compose(found -> {
      Optional<Credential> valid = found
          .filter(c -> c.kind() == kind)
          .filter(c -> providerId == null || c.providerId().equals(providerId))
          .filter(c -> Secrets.matches(parts[2], c.secretHash()));
      return valid.map(c -> Future.succeededFuture(new Principal(c.providerId(), via)))
          .orElseGet(() -> Future.failedFuture(new AuthenticationException()));
    });
  }

  private static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
