package dev.dovetail.booking.port.out;

import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.Provider;
import io.vertx.core.Future;
import java.util.Optional;

public interface ProviderRepository {

  /** Fails with a ConflictException if the handle is taken. */
  Future<Void> insert(Provider provider);

  Future<Optional<Provider>> findById(String id);

  /** Replaces the stored provider with the same id (its settings); fails with a NotFoundException if there is none. */
  Future<Void> update(Provider provider);

  /** Stores a logo of the provider under its hash, beside any others (ADR 57); storing the same one again is fine. */
  Future<Void> putLogo(String providerId, Logo logo);

  /** The provider's logo with this hash, if stored. */
  Future<Optional<Logo>> findLogo(String providerId, String hash);

  /** Deletes the provider's logos other than the one with {@code keepHash} (all of them when it is null). */
  Future<Void> deleteLogosExcept(String providerId, String keepHash);
}
