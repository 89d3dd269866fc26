package dev.dovetail.account.port.in;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import io.vertx.core.Future;

/** A provider issues and revokes API tokens and app passwords. */
public interface ManageCredentials {

  /** A new credential and its full secret, which is shown only this once. */
  record Issued(Credential credential, String secret) {}

  Future<Issued> issue(String providerId, Credential.Kind kind, String label);

  Future<Page<Credential>> list(String providerId, Credential.Kind kind, PageRequest page);

  /** Fails with NotFoundException if the provider has no credential of this kind with this id. */
  Future<Void> revoke(String providerId, Credential.Kind kind, String credentialId);

  /** Whether the provider's account passwords work in calendar apps (CalDAV), or only app passwords do. */
  Future<Boolean> calDavPasswordLogin(String providerId);

  /** Allows or refuses the provider's account passwords over CalDAV; app passwords always work. */
  Future<Void> setCalDavPasswordLogin(String providerId, boolean allowed);
}
