package dev.dovetail.account.port.out;

import io.vertx.core.Future;

/** A slow, salted password hash (bcrypt in production). Hashing is CPU-heavy: adapters run it off the event loop. */
public interface PasswordHasher {

  Future<String> hash(String password);

  Future<Boolean> verify(String password, String hash);
}
