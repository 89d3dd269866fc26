package dev.dovetail.account.app;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.PasswordResetMailRenderer;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.MessageComposer;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * Composes the password-reset mail ({@code PROVIDER_PASSWORD_RESET}) when the outbox dispatcher sends it. The outbox
 * keeps only the subject, {@code <login>@<start of the request's window, epoch millis>}, never the link: the token is
 * signed at send time from the account's current password hash, and the link expires {@link
 * PasswordResetTokens#VALIDITY} after the window began. Skipped when that time has passed or the account is gone.
 */
public final class PasswordResetMail implements MessageComposer {

  /** The reset page; the token travels in the fragment, so it never reaches a server log or a Referer. */
  public static final String PAGE_PATH = "/reset-password#";

  private final AccountRepository accounts;
  private final ProviderRepository providers;
  private final PasswordResetTokens tokens;
  private final PasswordResetMailRenderer renderer;
  private final String pageUrl;

  public PasswordResetMail(AccountRepository accounts, ProviderRepository providers, PasswordResetTokens tokens,
      PasswordResetMailRenderer renderer, String publicUrl) {
    this.accounts = accounts;
    this.providers = providers;
    this.tokens = tokens;
    this.renderer = renderer;
    this.pageUrl = publicUrl.replaceAll("/+$", "") + PAGE_PATH;
  }

  static String subject(String login, Instant windowStart) {
    return login + "@" + windowStart.toEpochMilli();
  }

  @Override
  public Future<Composition> compose(OutboundMessage message, Instant now) {
    if (message.kind() != MessageKind.PROVIDER_PASSWORD_RESET) {
      return Future.succeededFuture(Composition.skip("not a password-reset message: " + message.kind()));
    }
    int at = message.bookingId().lastIndexOf('@');
    Instant expires;
    try {
      if (at < 1) {
        throw new NumberFormatException("no '@'");
      }
      expires = Instant.ofEpochMilli(Long.parseLong(message.bookingId().substring(at + 1)))
          .plus(PasswordResetTokens.VALIDITY);
    } catch (NumberFormatException | java.time.DateTimeException | ArithmeticException e) {
      return Future.succeededFuture(Composition.skip("not a password-reset subject"));
    }
    if (!now.isBefore(expires)) {
      return Future.succeededFuture(Composition.skip("the link expired before it could be sent"));
    }
    String login = message.bookingId().substring(0, at);
    return accounts.findByLogin(login).compose(account -> account.isEmpty()
        ? Future.succeededFuture(Composition.skip("the account is gone"))
        : providers.findById(account.get().providerId()).map(provider -> provider
            .map(p -> Composition.send(render(message, p, account.get(), expires)))
            .orElseGet(() -> Composition.skip("the provider is gone"))));
  }

  private MailMessage render(OutboundMessage message, Provider provider, Account account, Instant expires) {
    String link = pageUrl + tokens.issue(account.login(), expires, account.passwordHash());
    try {
      return renderer.render(message, provider, link, expires);
    } catch (RuntimeException e) {
      throw new DeliveryException("cannot render: " + e, true, e);
    }
  }
}
