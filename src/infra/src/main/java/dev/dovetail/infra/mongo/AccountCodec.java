package dev.dovetail.infra.mongo;

import dev.dovetail.account.domain.Account;
import io.vertx.core.json.JsonObject;

/**
 * {@code {_id: login, providerId, passwordHash, calDavPasswordLogin}}: the login is the key, so it is unique by
 * construction. Accounts stored before the CalDAV switch existed read as allowed.
 */
final class AccountCodec {

  private AccountCodec() {}

  static JsonObject encode(Account a) {
    return new JsonObject().put("_id", a.login()).put("providerId", a.providerId()).put("passwordHash", a.passwordHash())
        .put("calDavPasswordLogin", a.calDavPasswordLogin());
  }

  static Account decode(JsonObject doc) {
    return new Account(doc.getString("_id"), doc.getString("providerId"), doc.getString("passwordHash"),
        doc.getBoolean("calDavPasswordLogin", true));
  }
}
