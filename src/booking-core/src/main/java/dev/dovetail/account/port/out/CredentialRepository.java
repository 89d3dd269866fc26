package dev.dovetail.account.port.out;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import io.vertx.core.Future;
import java.util.Optional;

public interface CredentialRepository {

  Future<Void> insert(Credential credential);

  Future<Optional<Credential>> findById(String id);

  Future<Page<Credential>> listByProvider(String providerId, Credential.Kind kind, PageRequest page);

  /** Deletes the provider's credential; succeeds with false if the provider has no such credential. */
  Future<Boolean> delete(String providerId, String id);
}
