package dev.dovetail.account.app;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.port.in.ManageAccount;
import dev.dovetail.account.port.in.ResetLinkInvalidException;
import dev.dovetail.account.port.in.WrongPasswordException;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.PasswordHasher;
import dev.dovetail.booking.domain.Brand;
import dev.dovetail.booking.domain.BrandColour;
import dev.dovetail.booking.domain.EmbedOrigins;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.PlainText;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.TooManyRequestsException;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.OutboxRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider's own account settings and passwords.
 *
 * <ul>
 *   <li>A reset request records a {@code PROVIDER_PASSWORD_RESET} message in the outbox when the address is an
 *       account's login, and otherwise reads the outbox once instead, so the answer is the same either way. The
 *       message's id comes from the login and the {@link #MAIL_WINDOW} the request falls in: asking again within it
 *       stores nothing new, so an account gets at most one mail per window, on every hub of a cluster alike.
 *   <li>A reset checks the token ({@link PasswordResetTokens}: signature over the current password hash, expiry), then
 *       sets the new hash by compare-and-set on the old one: a link works once, and not after any newer password.
 *   <li>A password change needs the current password, checked like a log-in: the accounts' {@link LoginThrottle}
 *       locks after repeated failures.
 *   <li>Either way, a set password records a {@code PROVIDER_PASSWORD_CHANGED} mail to the account's address.
 * </ul>
 */
public final class ManageAccountService implements ManageAccount {

  public static final Duration MAIL_WINDOW = Duration.ofMinutes(5);
  public static final int MAX_DISPLAY_NAME = 100;

  private final ProviderRepository providers;
  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final OutboxRepository outbox;
  private final PasswordResetTokens tokens;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Runnable mailRecorded;

  /** @param mailRecorded called after a reset mail was recorded (to dispatch it now rather than at the next sweep) */
  public ManageAccountService(ProviderRepository providers, AccountRepository accounts, PasswordHasher hasher,
      OutboxRepository outbox, PasswordResetTokens tokens, LoginThrottle throttle, Clock clock,
      Runnable mailRecorded) {
    this.providers = providers;
    this.accounts = accounts;
    this.hasher = hasher;
    this.outbox = outbox;
    this.tokens = tokens;
    this.throttle = throttle;
    this.clock = clock;
    this.mailRecorded = mailRecorded;
  }

  @Override
  public Future<Provider> updateProfile(String providerId, String displayName, ZoneId zone) {
    return updateProfile(providerId, displayName, zone, BrandChange.none());
  }

  @Override
  public Future<Provider> updateProfile(String providerId, String displayName, ZoneId zone, BrandChange brand) {
    return Future.<Void>succeededFuture().compose(v -> {
      BrandColour colour = brand.setColour() && brand.colour() != null ? BrandColour.parse(brand.colour()) : null;
      if (brand.language() != null && !Brand.LANGUAGES.contains(brand.language())) {
        throw new InvalidRequestException("language must be one of en, de");
      }
      if (displayName == null || displayName.isBlank() || displayName.strip().length() > MAX_DISPLAY_NAME) {
        throw new InvalidRequestException("displayName must be 1 to " + MAX_DISPLAY_NAME + " characters");
      }
      PlainText.requireNoControl(displayName, "displayName");
      if (zone == null) {
        throw new InvalidRequestException("timeZone is required");
      }
      return providers.findById(providerId).compose(found -> {
        Provider current = found.orElseThrow(() -> new NotFoundException("provider", providerId));
        Brand next = current.brand();
        if (brand.setColour()) {
          next = next.withColour(colour);
        }
        if (brand.language() != null) {
          next = next.withLanguage(brand.language());
        }
        Provider updated = current.withProfile(displayName.strip(), zone).withBrand(next);
        return providers.update(updated).map(updated);
      });
    });
  }

  /**
   * The logo is stored first under its hash, then the provider names it, then older logos go: a failure between leaves
   * an unused logo, never a provider naming a missing one.
   */
  @Override
  public Future<Provider> setLogo(String providerId, byte[] image) {
    return Future.<Void>succeededFuture().compose(v -> {
      Logo logo = Logo.parse(image);
      return providers.findById(providerId).compose(found -> {
        Provider current = found.orElseThrow(() -> new NotFoundException("provider", providerId));
        Provider updated = current.withBrand(current.brand().withLogo(logo.ref()));
        return providers.putLogo(providerId, logo)
            .compose(stored -> providers.update(updated))
            .compose(written -> providers.deleteLogosExcept(providerId, logo.hash()))
            .map(updated);
      });
    });
  }

  @Override
  public Future<Provider> removeLogo(String providerId) {
    return providers.findById(providerId).compose(found -> {
      Provider current = found.orElseThrow(() -> new NotFoundException("provider", providerId));
      Provider updated = current.withBrand(current.brand().withLogo(null));
      return providers.update(updated)
          .compose(written -> providers.deleteLogosExcept(providerId, null))
          .map(updated);
    });
  }

  @Override
  public Future<EmbedOrigins> setEmbedOrigins(String providerId, List<String> origins) {
    return Future.<Void>succeededFuture().compose(v -> {
      EmbedOrigins allowed = new EmbedOrigins(origins);
      return providers.findById(providerId).compose(found -> {
        Provider current = found.orElseThrow(() -> new NotFoundException("provider", providerId));
        return providers.update(current.withEmbedOrigins(allowed)).map(allowed);
      });
    });
  }

  @Override
  public Future<Void> changePassword(String providerId, String currentPassword, String newPassword) {
    return Future.<Void>succeededFuture().compose(v -> {
      AccountService.checkNewPassword(newPassword, "newPassword");
      return accounts.findByProvider(providerId);
    }).compose(found -> {
      List<Account> mine = found.stream().sorted(Comparator.comparing(Account::login)).toList();
      long wait = mine.stream().mapToLong(a -> throttle.lockedFor(a.login())).max().orElse(0);
      if (wait > 0) {
        return Future.failedFuture(new TooManyRequestsException(
            "too many wrong passwords for this account; try again in " + wait + " s", wait));
      }
      return matching(mine, currentPassword == null ? "" : currentPassword, 0).compose(match -> {
        if (match.isEmpty()) {
          mine.forEach(a -> throttle.failed(a.login()));
          return Future.failedFuture(new WrongPasswordException());
        }
        throttle.succeeded(match.get().login());
        return setPassword(match.get(), newPassword).compose(set -> set
            ? noticeChanged(match.get())
            : Future.failedFuture(new WrongPasswordException()));
      });
    });
  }

  /** The first of {@code candidates}, from {@code index} on, whose password is {@code password}. */
  private Future<Optional<Account>> matching(List<Account> candidates, String password, int index) {
    if (index >= candidates.size()) {
      return Future.succeededFuture(Optional.empty());
    }
    Account candidate = candidates.get(index);
    return hasher.verify(password, candidate.passwordHash()).compose(ok -> ok
        ? Future.succeededFuture(Optional.of(candidate))
        : matching(candidates, password, index + 1));
  }

  @Override
  public Future<Void> requestPasswordReset(String email) {
    if (email == null || !PlainText.isEmail(email)) {
      return Future.failedFuture(new InvalidRequestException("email must be a valid e-mail address"));
    }
    String login = email.strip().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    long window = MAIL_WINDOW.toMillis();
    String subject = PasswordMail.subject(login, Instant.ofEpochMilli(now.toEpochMilli() / window * window));
    return accounts.findByLogin(login).compose(found -> found.isEmpty()
        ? outbox.findById(OutboundMessage.idFor(subject, 0, MessageKind.PROVIDER_PASSWORD_RESET, null)).mapEmpty()
        : outbox.record(List.of(OutboundMessage.pending(found.get().providerId(), subject, 0,
                MessageKind.PROVIDER_PASSWORD_RESET, null, login, now, now)))
            .onSuccess(v -> mailRecorded.run()));
  }

  @Override
  public Future<Void> resetPassword(String token, String newPassword) {
    return Future.<Void>succeededFuture().compose(v -> {
      AccountService.checkNewPassword(newPassword, "password");
      PasswordResetTokens.Claim claim = tokens.claim(token)
          .filter(c -> clock.instant().isBefore(c.expiresAt()))
          .orElseThrow(ResetLinkInvalidException::new);
      return accounts.findByLogin(claim.login());
    }).compose(found -> {
      Account account = found.filter(a -> tokens.signedFor(token, a.passwordHash()))
          .orElseThrow(ResetLinkInvalidException::new);
      return setPassword(account, newPassword).compose(set -> {
        if (!set) {
          return Future.failedFuture(new ResetLinkInvalidException());
        }
        // Whoever reads the account's mail may log in again at once.
        throttle.succeeded(account.login());
        return noticeChanged(account);
      });
    });
  }

  /**
   * Records the mail that tells the account's owner the password was changed. The change stands even if recording
   * fails; the notice is the owner's warning, not part of the change.
   */
  private Future<Void> noticeChanged(Account account) {
    Instant now = clock.instant();
    return outbox.record(List.of(OutboundMessage.pending(account.providerId(), PasswordMail.subject(account.login(),
            now), 0, MessageKind.PROVIDER_PASSWORD_CHANGED, null, account.login(), now, now)))
        .onSuccess(v -> mailRecorded.run())
        .recover(err -> Future.succeededFuture());
  }

  /** Hashes and sets {@code password} if the account's hash is still the one read; false if it changed meanwhile. */
  private Future<Boolean> setPassword(Account account, String password) {
    return hasher.hash(password)
        .compose(hash -> accounts.replacePassword(account.login(), account.passwordHash(), hash));
  }
}
