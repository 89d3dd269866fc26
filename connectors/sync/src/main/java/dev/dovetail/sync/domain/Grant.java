package dev.dovetail.sync.domain;

import java.util.Objects;

/**
 * What a connector needs to act for one connection: the account and its OAuth refresh token, opened from the
 * connection's sealed copy just before use and never stored in clear. Connectors cache access tokens by
 * {@code connectionId}.
 */
public record Grant(String connectionId, String account, String refreshToken) {

  public Grant {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(refreshToken, "refreshToken");
  }

  @Override
  public String toString() {
    return "Grant[" + connectionId + ", " + account + "]";
  }
}
