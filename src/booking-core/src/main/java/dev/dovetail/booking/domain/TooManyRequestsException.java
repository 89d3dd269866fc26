package dev.dovetail.booking.domain;

/**
 * A limit that protects the hub or its tenants was reached: too many failed logins for one account, too many holds
 * for one customer. Answered with 429, the {@code reason} and {@code Retry-After: retryAfterSeconds}.
 */
public class TooManyRequestsException extends RuntimeException {

  private final long retryAfterSeconds;

  public TooManyRequestsException(String reason, long retryAfterSeconds) {
    super(reason, null, false, false);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
