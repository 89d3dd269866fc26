package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.GrantedAccount;
import io.vertx.core.Future;

/** The OAuth 2.0 authorization-code flow of one calendar service, with offline access (a refresh token). */
public interface OAuthClient {

  CalendarProvider provider();

  /** Where to send the provider's browser to consent; {@code state} comes back with the code. */
  String authorizationUrl(String state, String redirectUri);

  /** Exchanges the code for the account and its refresh token; fails with a ConnectorException. */
  Future<GrantedAccount> exchange(String code, String redirectUri);
}
