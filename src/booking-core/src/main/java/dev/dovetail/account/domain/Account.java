package dev.dovetail.account.domain;

import java.util.Objects;

/** A person who logs in to a provider's dashboard. {@code login} is an e-mail address, unique across providers. */
public record Account(String login, String providerId, String passwordHash) {

  public Account {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }
}
