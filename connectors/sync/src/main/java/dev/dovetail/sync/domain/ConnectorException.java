package dev.dovetail.sync.domain;

/**
 * What a {@link dev.dovetail.sync.port.out.CalendarConnector} fails with, so the engine decides without knowing the
 * service: each subclass names one reaction.
 */
public abstract class ConnectorException extends RuntimeException {

  protected ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The grant is revoked or expired (OAuth invalid_grant): mark the connection broken, tell the provider, stop. */
  public static final class AuthorizationRevoked extends ConnectorException {
    public AuthorizationRevoked(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The sync token is no longer valid (Google 410, Graph syncStateNotFound): wipe and read everything again. */
  public static final class SyncTokenExpired extends ConnectorException {
    public SyncTokenExpired(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The event changed since the etag we hold (412): re-read it, then write again. */
  public static final class EtagMismatch extends ConnectorException {
    public EtagMismatch(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Rate limited (Google 403/429 rateLimitExceeded, Graph 429): back off; {@code retryAfterMillis} if the service said. */
  public static final class RateLimited extends ConnectorException {
    private final long retryAfterMillis;

    public RateLimited(String message, long retryAfterMillis, Throwable cause) {
      super(message, cause);
      this.retryAfterMillis = retryAfterMillis;
    }

    /** The wait the service asked for, or 0 if it did not say. */
    public long retryAfterMillis() {
      return retryAfterMillis;
    }
  }

  /** Anything else transient (network, timeout, 5xx): retry later with backoff. */
  public static final class Unavailable extends ConnectorException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A request the service refused for good (4xx other than the above): do not retry the same request. */
  public static final class Rejected extends ConnectorException {
    public Rejected(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
