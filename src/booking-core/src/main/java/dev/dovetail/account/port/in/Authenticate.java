package dev.dovetail.account.port.in;

import dev.dovetail.account.domain.Principal;
import io.vertx.core.Future;

/** Turns presented credentials into a principal; every failure is the same {@code AuthenticationException}. */
public interface Authenticate {

  Future<Principal> withPassword(String login, String password);

  /** CalDAV clients with the account password: refused when the provider turned that off (app passwords only). */
  Future<Principal> withPasswordOverCalDav(String login, String password);

  Future<Principal> withApiToken(String token);

  /** CalDAV clients: HTTP Basic with the provider id as user name and an app password. */
  Future<Principal> withAppPassword(String providerId, String appPassword);
}
