package dev.dovetail.account.app;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.port.out.AccountRepository;
import dev.dovetail.account.port.out.PasswordMailRenderer;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.MessageComposer;
import io.vertx.core.Future;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Composes the account's password mails when the outbox dispatcher sends them. Their subject is {@code
 * <login>@<epoch millis>}: for {@code PROVIDER_PASSWORD_RESET} the start of the request's window, for {@code
 * PROVIDER_PASSWORD_CHANGED} the change. The outbox never holds a reset link: its token is signed at send time from
 * the account's current password hash, and the link expires {@link PasswordResetTokens#VALIDITY} after the window
 * began (skipped once that has passed). Both are skipped when the account is gone.
 */
public final class PasswordMail implements MessageComposer {

  /** The reset page; the token travels in the fragment, so it never reaches a server log or a Referer. */
  public static final String RESET_PATH = "/reset-password#";
  /** Where the owner asks for a reset link, named in the notice of a change they did not make. */
  public static final String FORGOT_PATH = "/forgot-password";

  private final AccountRepository accounts;
  private final ProviderRepository providers;
  private final PasswordResetTokens tokens;
  private final PasswordMailRenderer renderer;
  private final String base;

  public PasswordMail(AccountRepository accounts, ProviderRepository providers, PasswordResetTokens tokens,
      PasswordMailRenderer renderer, String publicUrl) {
    this.accounts = accounts;
    this.providers = providers;
    this.tokens = tokens;
    this.renderer = renderer;
    this.base = publicUrl.replaceAll("/+$", "");
  }

  static String subject(String login, Instant at) {
    return login + "@" + at.toEpochMilli();
  }

  @Override
  public Future<Composition> compose(OutboundMessage message, Instant now) {
    boolean reset = message.kind() == MessageKind.PROVIDER_PASSWORD_RESET;
    if (!reset && message.kind() != MessageKind.PROVIDER_PASSWORD_CHANGED) {
      return Future.succeededFuture(Composition.skip("not a password message: " + message.kind()));
    }
    int at = message.bookingId().lastIndexOf('@');
    Instant when;
    try {
      if (at < 1) {
        throw new NumberFormatException("no '@'");
      }
      when = Instant.ofEpochMilli(Long.parseLong(message.bookingId().substring(at + 1)));
    } catch (NumberFormatException | DateTimeException e) {
      return Future.succeededFuture(Composition.skip("not a password-mail subject"));
    }
    Instant expires = reset ? when.plus(PasswordResetTokens.VALIDITY) : null;
    if (reset && !now.isBefore(expires)) {
      return Future.succeededFuture(Composition.skip("the link expired before it could be sent"));
    }
    return accounts.findByLogin(message.bookingId().substring(0, at)).compose(account -> account.isEmpty()
        ? Future.succeededFuture(Composition.skip("the account is gone"))
        : providers.findById(account.get().providerId()).map(provider -> provider
            .map(p -> Composition.send(render(() -> reset
                ? renderer.renderReset(message, p, resetLink(account.get(), expires), expires)
                : renderer.renderChanged(message, p, when, base + FORGOT_PATH))))
            .orElseGet(() -> Composition.skip("the provider is gone"))));
  }

  private String resetLink(Account account, Instant expires) {
    return base + RESET_PATH + tokens.issue(account.login(), expires, account.passwordHash());
  }

  private static MailMessage render(Supplier<MailMessage> mail) {
    try {
      return mail.get();
    } catch (RuntimeException e) {
      throw new DeliveryException("cannot render: " + e, true, e);
    }
  }
}
