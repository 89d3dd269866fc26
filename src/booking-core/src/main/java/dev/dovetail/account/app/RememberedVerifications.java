package dev.dovetail.account.app;

import dev.dovetail.account.port.out.PasswordHasher;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link PasswordHasher} that remembers, on this node, the password/hash pairs it verified successfully, so that a
 * calendar app sending the account password with every request (HTTP Basic) costs one bcrypt verification per
 * {@link #TTL}, not one per request (ADR 66).
 *
 * <p>Whether a password matches a hash never changes, so a remembered success is never stale: a password change or
 * reset stores a new hash, and the caller verifies against the hash it has just read, which this cache has never seen
 * with the old password; that holds on every node at once. Only successes are remembered (a wrong password always
 * costs a full verification, and the login throttle counts it). The entries are HMAC-SHA-256 digests of the pair under
 * a random key that lives only in this process (no password or reusable digest is kept), at most {@link #CAPACITY} of
 * them, each for at most {@link #TTL}.
 */
public final class RememberedVerifications implements PasswordHasher {

  /** How many successful verifications a node remembers (least recently used go first). */
  public static final int CAPACITY = 10_000;
  /** How long one is remembered. */
  public static final Duration TTL = Duration.ofMinutes(10);

  private final PasswordHasher hasher;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Instant> verified = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
      return size() > CAPACITY;
    }
  };

  public RememberedVerifications(PasswordHasher hasher, Clock clock) {
    this.hasher = hasher;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public Future<String> hash(String password) {
    return hasher.hash(password);
  }

  @Override
  public Future<Boolean> verify(String password, String hash) {
    String pair = digest(password, hash);
    Instant now = clock.instant();
    synchronized (verified) {
      Instant until = verified.get(pair);
      if (until != null && now.isBefore(until)) {
        return Future.succeededFuture(true);
      }
      verified.remove(pair);
    }
    return hasher.verify(password, hash).onSuccess(ok -> {
      if (ok) {
        synchronized (verified) {
          verified.put(pair, clock.instant().plus(TTL));
        }
      }
    });
  }

  /** How many verifications are remembered (tests). */
  int remembered() {
    synchronized (verified) {
      return verified.size();
    }
  }

  private String digest(String password, String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] h = hash.getBytes(StandardCharsets.UTF_8);
      // length-prefixed, so that no other pair of strings gives the same input
      mac.update(Integer.toString(h.length).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) ':');
      mac.update(h);
      mac.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
