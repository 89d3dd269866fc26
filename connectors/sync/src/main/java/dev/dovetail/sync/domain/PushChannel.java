package dev.dovetail.sync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A push subscription on one external calendar (Google watch channel, Graph subscription). {@code secretHash} is the
 * SHA-256 of the token the service echoes with every notification; {@code resourceId} is the service's own id of it.
 */
public record PushChannel(String id, String resourceId, String secretHash, Instant expiresAt) {

  public PushChannel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
