package dev.dovetail.account.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A machine credential of a provider: an API token for integrators or an app password for CalDAV clients. The
 * secret is shown once as {@code <prefix>_<id>_<secret>}; only the SHA-256 of the secret is stored (the secret has 256
 * random bits, so a slow hash adds nothing), and lookup is by id.
 */
public record Credential(String id, String providerId, Kind kind, String label, String secretHash, Instant createdAt) {

  public enum Kind {
    API_TOKEN("dtk"),
    APP_PASSWORD("dtap");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  public Credential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
