package dev.dovetail.account.domain;

import java.util.Objects;

/**
 * A person who logs in to a provider's dashboard. {@code login} is an e-mail address, unique across providers. With
 * {@code calDavPasswordLogin} off, calendar apps must use an app password: the account password is refused over
 * CalDAV (it still opens the dashboard).
 */
public record Account(String login, String providerId, String passwordHash, boolean calDavPasswordLogin) {

  public Account {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  /** A new account: its password also works for calendar apps until the provider turns that off. */
  public Account(String login, String providerId, String passwordHash) {
    this(login, providerId, passwordHash, true);
  }

  public Account withCalDavPasswordLogin(boolean allowed) {
    return new Account(login, providerId, passwordHash, allowed);
  }
}
