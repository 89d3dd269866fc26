package dev.dovetail.sync.domain;

import java.util.Objects;

/** The result of an OAuth authorization-code exchange: the account that consented and its refresh token. */
public record GrantedAccount(String account, String refreshToken) {

  public GrantedAccount {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(refreshToken, "refreshToken");
  }

  @Override
  public String toString() {
    return "GrantedAccount[" + account + "]";
  }
}
