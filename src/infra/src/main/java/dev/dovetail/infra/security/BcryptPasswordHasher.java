package dev.dovetail.infra.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.dovetail.account.port.out.PasswordHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;

/** bcrypt (cost 12 in production) on a worker thread, so that hashing never blocks the event loop. */
public class BcryptPasswordHasher implements PasswordHasher {

  private final Vertx vertx;
  private final int cost;

  public BcryptPasswordHasher(Vertx vertx, int cost) {
    this.vertx = vertx;
    this.cost = cost;
  }

  @Override
  public Future<String> hash(String password) {
    return vertx.executeBlocking(
        () -> BCrypt.withDefaults().hashToString(cost, password.toCharArray()), false);
  }

  @Override
  public Future<Boolean> verify(String password, String hash) {
    return vertx.executeBlocking(() -> BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified, false);
  }
}
